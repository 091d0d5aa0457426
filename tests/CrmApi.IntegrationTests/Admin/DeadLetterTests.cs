using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;

namespace OutlookCrm.CrmApi.IntegrationTests.Admin;

/// <summary>
/// Issue 19, Mailboxes page: dead letters listed a page at a time with their reason in words, and retried one at a
/// time (the others stay dead); a rep cannot, and another account's admin does not find the mailbox.
/// </summary>
public class DeadLetterTests
{
    [Fact]
    public async Task DeadLetters_PagedWithTheReasonInWords_AndRetriedOneAtATime()
    {
        await using var factory = new SettingsFactory(("Ingestion:MaxAttempts", "2"));
        await factory.InitializeAsync();
        var connected = await ConnectedRep.CreateAsync(factory);
        var admin = connected.Rep;
        var contact = await admin.CreateAsync("contact", new { name = "Megan" });
        await connected.Emulator.FaultsAsync(new { poisonSubject = "POISON" });
        await connected.IntentAsync("t-poison-1", [contact]);
        await connected.IntentAsync("t-poison-2", [contact]);
        await connected.SendAsync("t-poison-1", "POISON one");
        await connected.SendAsync("t-poison-2", "POISON two");
        await Emulator.EventuallyAsync(async () => (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64() == 2, "two dead letters");
        var path = $"/api/mailboxes/{connected.MailboxId}/dead-letters";

        var first = await admin.GetAsync($"{path}?limit=1");
        var second = await admin.GetAsync($"{path}?limit=1&cursor={first.Json.GetProperty("nextCursor").GetString()}");

        var letter = Assert.Single(first.Json.GetProperty("items").EnumerateArray());
        var other = Assert.Single(second.Json.GetProperty("items").EnumerateArray());
        Assert.NotEqual(letter.GetProperty("id").GetGuid(), other.GetProperty("id").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.Json.GetProperty("nextCursor").ValueKind);
        Assert.StartsWith("Graph failed (500) every time", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var rep = await CrmClient.SignInAsync(factory, $"seller@{admin.Email.Split('@')[1]}", roles: ["Crm.User"]);
        var stranger = await CrmClient.SignInAsync(factory);
        var letterPath = $"{path}/{letter.GetProperty("id").GetGuid()}/retry";
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync(letterPath, new { })).Status);
        (await stranger.PostAsync(letterPath, new { })).AssertProblem(HttpStatusCode.NotFound, "id");
        (await admin.PostAsync($"{path}/{Guid.NewGuid()}/retry", new { })).AssertProblem(HttpStatusCode.NotFound, "letterId");
        (await admin.PostAsync($"{path}/not-an-id/retry", new { })).AssertProblem(HttpStatusCode.BadRequest, "letterId");
        Assert.Equal(2, (await connected.HealthAsync()).GetProperty("deadLetters").GetInt64());

        await connected.Emulator.FaultsAsync(new { poisonSubject = "" });
        var retried = await admin.PostAsync(letterPath, new { });

        Assert.True(retried.Status == HttpStatusCode.OK, retried.Text);
        Assert.Equal(1, retried.Json.GetProperty("rows").GetInt32());
        await Emulator.EventuallyAsync(async () => await factory.CountRowsAsync("emails", admin.AccountId) == 1, "the retried letter logged");
        var left = Assert.Single((await admin.GetAsync(path)).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(other.GetProperty("id").GetGuid(), left.GetProperty("id").GetGuid());
        (await admin.PostAsync(letterPath, new { })).AssertProblem(HttpStatusCode.NotFound, "letterId");
    }
}
