using System.Text;
using System.Text.Json;
using CsCheck;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;

namespace OutlookCrm.CrmApi.Tests.BadInput;

/// <summary>Graph's notification batches: any bytes are read or refused without throwing; a batch is read whole.</summary>
public class NotificationParsingProperties
{
    [Fact]
    public void The_committed_corpus_is_read_or_refused_without_throwing()
    {
        var corpus = Fuzz.EscapedCorpus("notifications.txt");
        Assert.True(corpus.Count >= 10);
        foreach (var body in corpus)
        {
            _ = NotificationParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out _);
        }
        Assert.True(NotificationParser.TryParse(Encoding.UTF8.GetBytes(corpus[3]), out var mixedCase, out _) && mixedCase.Single().MessageId == "m");
        Assert.False(NotificationParser.TryParse(Encoding.UTF8.GetBytes("{\"value\":[{\"subscriptionId\":\"s\"}]} trailing"), out _, out _));
    }

    [Fact]
    public void Any_bytes_are_read_or_refused_without_throwing()
    {
        // Refused is an answer too: only an exception fails.
        Gen.Byte.Array[0, 2_000].Sample(bytes => { _ = NotificationParser.TryParse(bytes, out _, out _); }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Any_JSON_shaped_text_is_read_or_refused_without_throwing()
    {
        Gen.String[Gen.Char["{}[]\":,valuesubscriptionIdclientStateresourceData 0123456789.-truefalsenull\\u"], 0, 300]
            .Sample(text => { _ = NotificationParser.TryParse(Encoding.UTF8.GetBytes(text), out _, out _); }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void Nesting_deeper_than_Graph_ever_sends_is_refused_not_thrown()
    {
        Gen.Int[17, 5_000].Sample(depth =>
        {
            var body = Encoding.UTF8.GetBytes("{\"value\":" + new string('[', depth) + new string(']', depth) + "}");
            Assert.False(NotificationParser.TryParse(body, out _, out _));
        }, iter: 200, threads: 1, writeLine: Fuzz.Report);
    }

    [Fact]
    public void A_batch_of_any_strings_is_read_item_by_item_with_what_it_says()
    {
        var item = Gen.Select(Gen.String, Gen.String, Gen.String, Gen.String.Null(), (subscription, state, id, change) => (subscription, state, id, change));
        item.Array[0, 12].Sample(items =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                value = items.Select(i => new { subscriptionId = i.subscription, clientState = i.state, changeType = i.change, resource = $"Users/x/Messages/{i.id}", resourceData = new { id = i.id } }),
            });

            Assert.True(NotificationParser.TryParse(body, out var parsed, out var skipped));
            Assert.Equal(0, skipped);
            Assert.Equal(items.Select(i => (i.subscription, (string?)i.state, (string?)i.id, (string?)i.change)), parsed.Select(p => (p.SubscriptionId, p.ClientState, p.MessageId, p.ChangeType)));
        }, time: Fuzz.Seconds, threads: 1, writeLine: Fuzz.Report);
    }
}
