using System.Globalization;
using OutlookCrm.Bench;
using OutlookCrm.CrmApi.Platform.Data;

// The benchmarks of issue 9. Every figure is printed beside its target and the physical limit measured in the same run
// on the same machine (absolute times vary between runs here; ratios side by side do not).
if (args.FirstOrDefault() == LimitServer.Switch)
{
    await LimitServer.RunAsync(args[1], args[2], Guid.Parse(args[3]), Guid.Parse(args[4]));
    return 0;
}
var quick = args.Contains("--quick");
// --only e2e,lookup runs some of them (while working on one figure); the results file is written for full runs only.
var only = args.SkipWhile(arg => arg != "--only").Skip(1).FirstOrDefault()?.Split(',');
bool Wants(string name) => only is null || only.Contains(name);
var scale = Scale.For(quick);
TypeHandlers.Register();
var figures = new List<Figure>();
void Print(IEnumerable<Figure> measured)
{
    foreach (var figure in measured)
    {
        figures.Add(figure);
        Console.WriteLine(figure.Line());
    }
}

Console.WriteLine($"OutlookCrm benchmarks ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
var repository = FindRepository();
if (Wants("bundle"))
{
    Print([BundleBench.Run(repository)]);
}

if (Wants("floor") || Wants("lookup") || Wants("timeline") || Wants("compose") || Wants("pane") || Wants("intake"))
{
    await using var server = await ServerProcess.StartAsync(repository, ingestion: false);
    var (api, accountId, userId) = await server.SignInAsync("bench@bench.example.com");
    var seeder = new Seeder(server.DatabasePath, accountId, userId);
    var seeding = System.Diagnostics.Stopwatch.StartNew();
    seeder.Contacts(scale.Contacts);
    var deal = seeder.DealWithEmails(scale.TimelineEmails);
    Console.WriteLine($"  seeded {scale.Contacts:N0} contacts and {scale.TimelineEmails:N0} emails in {seeding.Elapsed.TotalSeconds:F1} s");
    if (Wants("floor"))
    {
        Print(await FloorBench.RunAsync(api, scale));
    }
    if (Wants("lookup"))
    {
        Print(await LookupBench.RunAsync(api, server.DatabasePath, accountId, userId, scale));
    }
    if (Wants("timeline"))
    {
        Print(await TimelineBench.RunAsync(api, server.DatabasePath, accountId, deal, scale));
    }
    if (Wants("compose"))
    {
        Print(await ComposeBench.RunAsync(api, scale));
    }
    if (Wants("pane"))
    {
        Print(await PaneBench.RunAsync(server.BaseUrl, "bench@bench.example.com", scale));
    }
    if (Wants("intake"))
    {
        var subscriptions = seeder.Mailboxes(4);
        await using var limit = await LimitProcess.StartAsync(server.DatabasePath, accountId, Seeder.MailboxId(0));
        Print(await IntakeBench.RunAsync(server.BaseUrl, limit.Url, server.DatabasePath, subscriptions, scale));
    }
}

if (Wants("gate"))
{
    Print(await GateBench.RunAsync(scale));
}

if (Wants("growth"))
{
    Print(await GrowthBench.RunAsync(repository, scale));
}

// End to end needs the worker: a second server, its ingestion on, with the same seeded history (whose batched inserts
// are its limit), and Graph (the emulator) as a process of its own.
if (Wants("e2e"))
{
    await using var graph = await ServerProcess.StartEmulatorAsync(repository);
    await using var server = await ServerProcess.StartAsync(repository, ingestion: true, graph.BaseUrl + OutlookCrm.GraphEmulator.GraphEmulatorExtensions.GraphPath);
    var (api, accountId, userId) = await server.SignInAsync("rep@e2e.bench.example.com", admin: true);
    var seeder = new Seeder(server.DatabasePath, accountId, userId);
    seeder.DealWithEmails(scale.TimelineEmails, out var insertRate);
    Print(await EndToEndBench.RunAsync(server, graph.BaseUrl, api, seeder, scale, insertRate));
}

// Connecting a full mailbox needs Graph too, and a server of its own whose keeper runs the first sync.
if (Wants("connect"))
{
    await using var graph = await ServerProcess.StartEmulatorAsync(repository);
    await using var server = await ServerProcess.StartAsync(repository, ingestion: true, graph.BaseUrl + OutlookCrm.GraphEmulator.GraphEmulatorExtensions.GraphPath);
    var (api, _, _) = await server.SignInAsync("admin@connect.bench.example.com", admin: true);
    Print(await ConnectBench.RunAsync(server.BaseUrl, graph.BaseUrl, api, scale));
}

// The admin overview at the acceptance's scale: 100 mailboxes and 1 M logged emails (a tenth with --quick), no worker.
if (Wants("overview"))
{
    await using var server = await ServerProcess.StartAsync(repository, ingestion: false);
    var (api, accountId, userId) = await server.SignInAsync("admin@overview.bench.example.com", admin: true);
    var emails = quick ? 100_000 : 1_000_000;
    var seeding = System.Diagnostics.Stopwatch.StartNew();
    new Seeder(server.DatabasePath, accountId, userId).DealWithEmails(emails);
    OverviewSeeder.Seed(server.DatabasePath, accountId, OverviewBench.Mailboxes, doneRowsPerMailbox: quick ? 200 : 2_000);
    Console.WriteLine($"  seeded {emails:N0} emails, {OverviewBench.Mailboxes} mailboxes with 168 hours of counters each in {seeding.Elapsed.TotalSeconds:F1} s");
    Print(await OverviewBench.RunAsync(api, server.DatabasePath, accountId, emails, scale));
}

var met = figures.Count(figure => figure.Counted && figure.Met);
var counted = figures.Count(figure => figure.Counted);
Console.WriteLine($"{met} of {counted} targets met");

var run = string.Create(CultureInfo.InvariantCulture,
    $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {(quick ? "--quick" : "full run")}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}.");
var header = $"# OutlookCrm benchmarks\n\n{run} Ratio = share of the limit measured in the same run (1.00 = as fast as the limit; a figure below 0.25 is not met).";
var results = Path.Combine(repository, "bench", "results");
Directory.CreateDirectory(results);
if (only is null)
{
    await File.WriteAllTextAsync(Path.Combine(results, quick ? "quick.md" : "latest.md"), Figure.Markdown(figures, header));
}
return 0;

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "OutlookCrm.sln")))
        {
            return folder.FullName;
        }
    }
    return Directory.GetCurrentDirectory();
}
