namespace OutlookCrm.CrmApi.Tests.BadInput;

/// <summary>
/// The bad-input runs' budget and their committed corpus. Every property test samples for <see cref="Seconds"/> (2 by
/// default, so the whole test command stays short; OUTLOOKCRM_FUZZ_SECONDS=600 for a long local run), after replaying
/// the corpus: inputs that once broke something, or that a class of attack starts from, kept as files.
/// </summary>
public static class Fuzz
{
    public static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("OUTLOOKCRM_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? seconds : 2;

    /// <summary>The non-empty lines of a corpus file (BadInput/Corpus, copied beside the tests).</summary>
    public static IReadOnlyList<string> Corpus(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "BadInput", "Corpus", name)).Where(line => line.Length > 0).ToList();

    /// <summary>A corpus whose lines spell control characters as C# escapes (\r\n, \u0000), decoded.</summary>
    public static IReadOnlyList<string> EscapedCorpus(string name) => Corpus(name).Select(System.Text.RegularExpressions.Regex.Unescape).ToList();

    /// <summary>Where CsCheck's summary (iterations run) goes: the test's output.</summary>
    public static void Report(string summary) => TestContext.Current.TestOutputHelper?.WriteLine(summary);
}
