using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>
/// The emulator answers with the shapes Microsoft's documentation shows: for each documentation payload in
/// ../shared/corpus/graph, every property it shows is in the emulator's answer to the same call, with the same JSON
/// kind. Without the corpus the tests are skipped, never passed.
/// </summary>
public class DocumentedShapeTests(RecordingFactory factory) : IClassFixture<RecordingFactory>
{
    public static TheoryData<string> Covered =>
    [
        "message-get-example1.json", "message-get-internetMessageHeaders.json",
        "message-delta-page1-nextLink.json", "message-delta-page3-deltaLink.json", "message-delta-next-round-removed.json",
        "subscription-created-response.json", "change-notification-message-created.json", "validation-request.json",
        "lifecycle-missed.json", "lifecycle-reauthorizationRequired.json", "lifecycle-subscriptionRemoved.json", "lifecycle-structure-current-docs.json",
    ];

    /// <summary>Documentation files the emulator deliberately does not reproduce, and why.</summary>
    private static readonly Dictionary<string, string> NotReproduced = new()
    {
        // A rich notification carries the resource encrypted with the app's certificate (includeResourceData). The
        // product subscribes without resource data and reads each message with a GET, so the emulator refuses
        // includeResourceData rather than pretend to encrypt.
        ["outlook-rich-notification.json"] = "rich notifications (includeResourceData, encryptedContent) are not emulated",
    };

    /// <summary>Documented properties the comparison skips in one file, and why.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Exempt = new()
    {
        // The page prints isRead as the string "true" here; the message resource and page 1 of the same example give
        // a Boolean, which the emulator follows.
        ["message-delta-next-round-removed.json"] = new() { ["$.value[].isRead"] = "a string in the documentation's example only" },
        // What the app's endpoint must answer, not what Graph sends: the emulator checks that answer in SubscriptionValidator.
        ["validation-request.json"] = new()
        {
            ["$.expected_status"] = "the endpoint's answer",
            ["$.expected_content_type"] = "the endpoint's answer",
            ["$.expected_body"] = "the endpoint's answer",
        },
    };

    [Theory]
    [MemberData(nameof(Covered))]
    public async Task EmulatorAnswer_HasEveryDocumentedProperty_OfTheSameKind(string file)
    {
        using var documented = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus.GraphFile(file), TestContext.Current.CancellationToken));

        var answer = await new DocumentedCalls(factory).AnswerAsync(file);

        var differences = JsonShape.Differences(documented.RootElement, answer, Exempt.GetValueOrDefault(file) ?? []);
        Assert.True(differences.Count == 0, $"{file}:\n{string.Join('\n', differences)}\nThe emulator answered:\n{answer}");
    }

    [Fact]
    public void JsonShape_AMissingPropertyOrAnotherKind_Reported()
    {
        using var documented = JsonDocument.Parse("""{"a": 1, "b": {"c": true}, "d": [{"e": "x"}], "f": null, "g": []}""");
        using var answer = JsonDocument.Parse("""{"a": "1", "b": {}, "d": [{"e": 2}], "f": null, "g": [], "h": 0}""");

        var differences = JsonShape.Differences(documented.RootElement, answer.RootElement, new Dictionary<string, string>());

        Assert.Equal(["$.a: documented number, emulator string", "$.b.c: missing", "$.d[].e: documented string, emulator number"], differences);
    }

    [Fact]
    public void Corpus_EveryGraphPayload_ComparedOrItsOmissionExplained()
    {
        Corpus.Require();
        var named = Covered.Select(row => row.Data).Concat(NotReproduced.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Corpus.GraphFiles.Select(Path.GetFileName), file => !named.Contains(file!));
    }
}
