using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Throttling;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.Bench;

/// <summary>
/// What the shared mailbox gate costs on the hot path: passes per second through one mailbox's gate (enter, leave; no
/// Graph call) with 8 requests contending as the worker's batches do, on one instance and on two sharing the SQLite
/// file, beside the old per-process semaphore in the same run. The target is Graph's own ceiling for a mailbox: 4
/// requests at once of ~100 ms each, 40 per second; the gate must not be what limits a mailbox.
/// </summary>
public static class GateBench
{
    private const int Contenders = 8;
    private const double GraphCeiling = 40;

    public static async Task<IReadOnlyList<Figure>> RunAsync(Scale scale)
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-gate-");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder.FullName, "gate.db")}" };
        var db = new Db(options, folder.FullName);
        new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
        var passes = scale.Quick ? 2_000 : 10_000;
        var semaphore = await LocalSemaphoreAsync(passes);
        var one = await SharedAsync([Gates(db)], passes);
        var two = await SharedAsync([Gates(db), Gates(new Db(options, folder.FullName))], passes);
        return
        [
            new Figure("Mailbox gate, per-process semaphore (before), passes/s", semaphore, "/s", Better.Higher, null, null),
            new Figure("Mailbox gate, shared slots + budget, 1 instance, passes/s", one, "/s", Better.Higher, GraphCeiling, null),
            new Figure("Mailbox gate, shared slots + budget, 2 instances, passes/s", two, "/s", Better.Higher, GraphCeiling, null),
        ];
    }

    private static MailboxGates Gates(Db db)
    {
        // A budget no run exhausts: the figure is the round trips' cost, not the budget's waits.
        var limits = new MailboxLimits(4, 100_000_000, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
        var store = new MailboxGateStore(db);
        return new MailboxGates(limits, new SharedSlots(store, limits, TimeProvider.System, NullLogger<SharedSlots>.Instance), new RequestBudget(store, limits, TimeProvider.System), TimeProvider.System);
    }

    private static async Task<double> LocalSemaphoreAsync(int passes)
    {
        using var slots = new SemaphoreSlim(4);
        var left = passes;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await slots.WaitAsync();
                await Task.Yield();
                slots.Release();
            }
        })));
        return passes / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> SharedAsync(IReadOnlyList<MailboxGates> instances, int passes)
    {
        var mailbox = Guid.CreateVersion7();
        var left = passes;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Contenders).Select(i => Task.Run(async () =>
        {
            var gates = instances[i % instances.Count];
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await using var pass = await gates.EnterAsync(mailbox, CancellationToken.None);
                if (pass.NotBefore is not null)
                {
                    throw new InvalidOperationException("The bench's budget ran out");
                }
                await Task.Yield();
            }
        })));
        return passes / clock.Elapsed.TotalSeconds;
    }
}
