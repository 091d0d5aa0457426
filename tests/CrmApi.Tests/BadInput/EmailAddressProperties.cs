using System.Text.RegularExpressions;
using CsCheck;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.BadInput;

/// <summary>Address normalisation never throws, accepts plain addresses, and what it gives back is already normal.</summary>
public class EmailAddressProperties
{
    private static void AssertNormalisedOrRefused(string? input)
    {
        if (!EmailAddresses.TryNormalize(input, out var normalized))
        {
            return;
        }
        // Lower-cased, and only an A-label (xn--) may change beyond that: it becomes its U-label (RFC 5891).
        var lowered = input!.Trim().ToLowerInvariant();
        Assert.True(lowered == normalized || lowered.Contains("xn--", StringComparison.Ordinal), $"'{input}' became '{normalized}'");
        Assert.Equal(normalized, EmailAddresses.Normalize(normalized));
        Assert.True(EmailAddresses.TryNormalize(normalized, out var again) && again == normalized, $"'{normalized}' is not accepted again");
        Assert.DoesNotContain(normalized, char.IsWhiteSpace);
        Assert.Contains('@', normalized);
    }

    [Fact]
    public void The_committed_corpus_is_refused_or_normalised_to_a_fixed_point_and_its_tricks_are_refused()
    {
        var corpus = Fuzz.EscapedCorpus("addresses.txt");
        foreach (var input in corpus)
        {
            AssertNormalisedOrRefused(input);
        }
        // What the property tests found, and the classic tricks: never an address.
        string[] refused = ["'@[ (.0]", "a@[127.0.0.1]", "\"a b\"@example.com", "a@b", "a@example..com", "a@-example.com", "Megan Bowen <megan@fabrikam.com>", "megan@@fabrikam.com", "megan@fabrikam.com;lee@northwind.com", "megan\u200b@fabrikam.com"];
        Assert.All(refused, input => Assert.False(EmailAddresses.TryNormalize(Regex.Unescape(input), out _), input));
        Assert.True(EmailAddresses.TryNormalize(" MEGAN+crm@Fabrikam.co.uk ", out var plain) && plain == "megan+crm@fabrikam.co.uk");
    }

    [Fact]
    public void Any_string_is_refused_or_normalised_to_a_fixed_point()
    {
        Gen.String.Sample(AssertNormalisedOrRefused, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Strings_made_of_address_characters_are_refused_or_normalised_to_a_fixed_point()
    {
        Gen.String[Gen.Char["aZ09.-_+@ <>\"'()[];:,\\\t\u00e9\u0130"], 0, 40].Sample(AssertNormalisedOrRefused, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Internationalised_domains_in_either_spelling_normalise_to_one_address()
    {
        var label = Gen.String[Gen.Char["abcxyzäöüßéçñøåæ0189"], 1, 12];
        var address = Gen.Select(Gen.String[Gen.Char["abcxyzABCü0189._+-"], 1, 10], label.Array[1, 3], Gen.Int[0, 2].Select(i => new[] { "de", "com", "xn--p1ai" }[i]),
            (local, labels, top) => (Local: local.Trim('.'), Labels: labels, Top: top));

        address.Where(parts => parts.Local.Length > 0 && !parts.Local.Contains("..", StringComparison.Ordinal)).Sample(parts =>
        {
            var unicode = $"{parts.Local}@{string.Join('.', parts.Labels)}.{parts.Top}";
            var ascii = $"{parts.Local}@{new System.Globalization.IdnMapping().GetAscii(string.Join('.', parts.Labels))}.{parts.Top}".ToUpperInvariant();
            Assert.True(EmailAddresses.TryNormalize(unicode, out var fromUnicode), $"'{unicode}' was refused");
            Assert.True(EmailAddresses.TryNormalize(ascii, out var fromAscii), $"'{ascii}' was refused");
            Assert.Equal(fromUnicode, fromAscii);
            AssertNormalisedOrRefused(ascii);
        }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Plain_addresses_in_any_letter_case_are_accepted_as_their_lower_case()
    {
        var atom = Gen.String[Gen.Char["abcxyzABCXYZ0189_+-"], 1, 8];
        var label = Gen.String[Gen.Char["abcxyzABC0189"], 1, 10];
        var address = Gen.Select(atom.Array[1, 3], label.Array[2, 4], (local, domain) => $"{string.Join('.', local)}@{string.Join('.', domain)}");

        address.Sample(value =>
        {
            Assert.True(EmailAddresses.TryNormalize(value, out var normalized), $"'{value}' was refused");
            Assert.Equal(value.ToLowerInvariant(), normalized);
        }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }
}
