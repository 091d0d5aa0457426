using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.GraphFidelity;

/// <summary>
/// For each documentation payload of ../shared/corpus/graph, the emulator's answer to the call the documentation
/// shows (or, for a notification, the request the emulator sends), each on a mailbox of its own.
/// </summary>
public sealed class DocumentedCalls(RecordingFactory factory)
{
    private const string Recorder = $"https://{RecordingFactory.Host}";

    private readonly EmulatorGraph _graph = new(factory);

    public Task<JsonElement> AnswerAsync(string file) => file switch
    {
        "message-get-example1.json" => MessageAsync(select: null),
        "message-get-internetMessageHeaders.json" => MessageAsync(select: "internetMessageHeaders"),
        "message-delta-page1-nextLink.json" => DeltaAsync(round: 1),
        "message-delta-page3-deltaLink.json" => DeltaAsync(round: 2),
        "message-delta-next-round-removed.json" => DeltaAsync(round: 3),
        "subscription-created-response.json" => SubscriptionAsync(),
        "change-notification-message-created.json" => ChangeNotificationAsync(),
        "lifecycle-missed.json" or "lifecycle-structure-current-docs.json" => LifecycleAsync("missed"),
        "lifecycle-reauthorizationRequired.json" => LifecycleAsync("reauthorizationRequired"),
        "lifecycle-subscriptionRemoved.json" => LifecycleAsync("subscriptionRemoved"),
        "validation-request.json" => ValidationRequestAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "No call is known for this documentation file"),
    };

    private async Task<string> DeliverAsync(string address, string subject) => await _graph.DeliverMimeAsync(address,
        $"From: Adele Vance <adelev@contoso.example.com>\r\nTo: Alex Wilber <{address}>\r\nSubject: {subject}\r\n"
        + $"Message-ID: <{Guid.NewGuid():N}@contoso.example.com>\r\nx-custom-header-group-name: Washington\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>The group represents Nevada.</body></html>\r\n");

    private async Task<JsonElement> MessageAsync(string? select)
    {
        var address = await _graph.MailboxAsync();
        var id = await DeliverAsync(address, "9/9/2018: concert");
        return await _graph.GetAsync($"/users/{address}/messages/{id}{(select is null ? "" : $"?$select={select}")}");
    }

    /// <summary>The message-delta example: page 1 (a nextLink), the last page (a deltaLink), then the next round after a delete and a new message.</summary>
    private async Task<JsonElement> DeltaAsync(int round)
    {
        const string Prefer = "odata.maxpagesize=2";
        var address = await _graph.MailboxAsync();
        var first = await DeliverAsync(address, "Holiday hours update");
        await DeliverAsync(address, "Holiday promotion sale");
        await DeliverAsync(address, "Fabric CDN now available");
        var page1 = await _graph.GetAsync($"/users/{address}/mailFolders('inbox')/messages/delta?$select=subject,sender,isRead", Prefer);
        if (round == 1)
        {
            return page1;
        }
        var last = await _graph.GetAsync(EmulatorGraph.PathOf(page1.GetProperty("@odata.nextLink").GetString()!), Prefer);
        if (round == 2)
        {
            return last;
        }
        Assert.Equal(HttpStatusCode.NoContent, (await _graph.SendAsync(HttpMethod.Delete, $"/users/{address}/messages/{first}")).Status);
        await DeliverAsync(address, "Holiday hours update");
        return await _graph.GetAsync(EmulatorGraph.PathOf(last.GetProperty("@odata.deltaLink").GetString()!), Prefer);
    }

    private async Task<(string Address, JsonElement Subscription)> SubscribeAsync(string notificationUrl, string? lifecycleUrl = null)
    {
        var address = await _graph.MailboxAsync();
        // The documented request (subscription-post-subscriptions), with a lifecycle URL only where one is needed.
        var (status, subscription) = await _graph.SendAsync(HttpMethod.Post, "/subscriptions", new Dictionary<string, object?>
        {
            ["changeType"] = "created",
            ["notificationUrl"] = notificationUrl,
            ["lifecycleNotificationUrl"] = lifecycleUrl,
            ["resource"] = $"users/{address}/messages",
            ["expirationDateTime"] = DateTimeOffset.UtcNow.AddDays(1),
            ["clientState"] = "secretClientState",
            ["latestSupportedTlsVersion"] = "v1_2",
        }.Where(pair => pair.Value is not null).ToDictionary());
        Assert.True(status == HttpStatusCode.Created, subscription.ToString());
        return (address, subscription);
    }

    private async Task<JsonElement> SubscriptionAsync() => (await SubscribeAsync($"{Recorder}/notify")).Subscription;

    private async Task<JsonElement> ChangeNotificationAsync()
    {
        var (address, subscription) = await SubscribeAsync($"{Recorder}/notify");
        await DeliverAsync(address, "Created");
        return await PostedAsync(subscription.GetProperty("id").GetString()!, item => item["changeType"]?.GetValue<string>() == "created");
    }

    private async Task<JsonElement> LifecycleAsync(string lifecycleEvent)
    {
        var (_, subscription) = await SubscribeAsync($"{Recorder}/notify", $"{Recorder}/lifecycle");
        var id = subscription.GetProperty("id").GetString()!;
        await new Emulator(factory).LifecycleAsync(id, lifecycleEvent);
        return await PostedAsync(id, item => item["lifecycleEvent"]?.GetValue<string>() == lifecycleEvent);
    }

    /// <summary>The validation request as validation-request.json describes one: method, Content-Type, query, empty body.</summary>
    private async Task<JsonElement> ValidationRequestAsync()
    {
        var url = $"{Recorder}/validate/{Guid.NewGuid():N}";
        await SubscribeAsync(url);
        var call = factory.Calls.Single(call => call.Url.GetLeftPart(UriPartial.Path) == url);
        var token = System.Web.HttpUtility.ParseQueryString(call.Url.Query)["validationToken"];
        Assert.StartsWith("Validation: Testing client application reachability for subscription Request-Id: ", token, StringComparison.Ordinal);
        Assert.Equal(("POST", "text/plain; charset=utf-8", ""), (call.Method, call.ContentType, call.Body));
        return JsonSerializer.SerializeToElement(new JsonObject
        {
            ["method"] = call.Method,
            ["headers"] = new JsonObject { ["Content-Type"] = call.ContentType },
            ["query"] = call.Url.Query.TrimStart('?'),
            ["body"] = call.Body,
        });
    }

    /// <summary>The first notification body POSTed for the subscription with an item that matches, once it arrives.</summary>
    private async Task<JsonElement> PostedAsync(string subscriptionId, Func<JsonNode, bool> matches)
    {
        JsonElement? found = null;
        await Emulator.EventuallyAsync(() =>
        {
            found = factory.Calls.Where(call => call.Body.StartsWith('{')).Select(call => JsonNode.Parse(call.Body)!)
                .Where(body => body["value"]!.AsArray().Any(item => item!["subscriptionId"]?.GetValue<string>() == subscriptionId && matches(item)))
                .Select(body => (JsonElement?)JsonSerializer.SerializeToElement(body)).FirstOrDefault();
            return Task.FromResult(found is not null);
        }, $"a notification for subscription {subscriptionId}");
        return found!.Value;
    }
}
