using System.Text;
using CsCheck;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Tests.BadInput;

/// <summary>The raw message's header block (where the tracking header is read when the custom property is missing).</summary>
public class MimeHeaderProperties
{
    private static IReadOnlyList<KeyValuePair<string, string>>? Read(byte[] bytes) =>
        MimeHeaders.ReadAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    [Fact]
    public void The_committed_corpus_is_read_or_refused_without_throwing_and_its_tracking_headers_found()
    {
        var corpus = Fuzz.EscapedCorpus("headers.txt");
        Assert.True(corpus.Count >= 8);
        foreach (var raw in corpus)
        {
            Read(Encoding.UTF8.GetBytes(raw));
        }
        Assert.Equal("t-1", Read(Encoding.UTF8.GetBytes(corpus[1]))!.Single(h => h.Key.Equals("x-outlookcrm-tracking", StringComparison.OrdinalIgnoreCase)).Value.Trim());
        Assert.Equal("t-2", Read(Encoding.UTF8.GetBytes(corpus[2]))!.Single(h => h.Key.Equals("x-outlookcrm-tracking", StringComparison.OrdinalIgnoreCase)).Value.Trim());
    }

    [Fact]
    public void Any_bytes_are_read_or_refused_without_throwing()
    {
        Gen.Byte.Array[0, 4_000].Sample(bytes => { Read(bytes); }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Header_like_text_is_read_or_refused_without_throwing()
    {
        Gen.String[Gen.Char["Xx-: \t\r\n=?utf-8?B?Q?=\u00e9\u0000abc"], 0, 400].Sample(text => { Read(Encoding.UTF8.GetBytes(text)); }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void The_tracking_header_is_found_among_any_other_headers_folded_or_not()
    {
        var name = Gen.String[Gen.Char["abcXYZ-"], 1, 12].Where(value => value.Trim('-').Length > 0);
        var value = Gen.String[Gen.Char["abc XYZ 019;,.<>@"], 0, 40];
        var header = Gen.Select(name, value, Gen.Bool, (n, v, folded) => $"X-{n}: {v}{(folded ? "\r\n\tcontinued" : "")}\r\n");
        var tracking = Gen.String[Gen.Char["abcdef0123456789-"], 1, 36].Select(id => $"t-{id}");
        Gen.Select(header.Array[0, 10], tracking, Gen.Int[0, 10], (headers, id, at) => (headers, id, at)).Sample(sample =>
        {
            var lines = sample.headers.ToList();
            lines.Insert(Math.Min(sample.at, lines.Count), $"x-outlookcrm-tracking: {sample.id}\r\n");
            var raw = Encoding.ASCII.GetBytes($"From: rep@contoso.com\r\n{string.Concat(lines)}Subject: Hello\r\n\r\nBody that is never read");

            var headers = Read(raw);

            Assert.NotNull(headers);
            Assert.Equal(sample.id, headers.Single(h => h.Key.Equals("x-outlookcrm-tracking", StringComparison.OrdinalIgnoreCase)).Value.Trim());
        }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }
}
