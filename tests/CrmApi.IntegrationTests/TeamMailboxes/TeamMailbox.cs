using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.TeamMailboxes;

/// <summary>A rep, an admin of the same account, and a team (or help-desk) mailbox the admin connected in the emulator.</summary>
public sealed record TeamMailbox(CrmClient Rep, CrmClient Admin, Emulator Emulator, string Address, Guid MailboxId)
{
    public static async Task<TeamMailbox> CreateAsync(CrmApiFactory factory, CrmClient? rep = null, string kind = "team", string? localPart = null)
    {
        var emulator = new Emulator(factory);
        rep ??= await CrmClient.SignInAsync(factory);
        var domain = rep.Email[(rep.Email.IndexOf('@') + 1)..];
        var admin = await CrmClient.SignInAsync(factory, $"admin-{Guid.NewGuid():N}@{domain}", CrmClient.AdminRoles);
        var address = await emulator.MailboxAsync($"{localPart ?? $"sales-{Guid.NewGuid():N}"}@{domain}");
        var connected = await admin.PostAsync("/api/mailboxes", new { address, kind });
        Assert.True(connected.Status == HttpStatusCode.Created, connected.Text);
        return new TeamMailbox(rep, admin, emulator, address, connected.Json.GetProperty("id").GetGuid());
    }

    public static async Task<Guid> UserIdAsync(CrmClient user) => (await user.GetAsync("/api/me")).Json.GetProperty("userId").GetGuid();

    /// <summary>The admin sets the mailbox's members to these users.</summary>
    public async Task MembersAsync(params CrmClient[] members)
    {
        var ids = new List<Guid>();
        foreach (var member in members)
        {
            ids.Add(await UserIdAsync(member));
        }
        var reply = await Admin.SendAsync(HttpMethod.Put, $"/api/mailboxes/{MailboxId}/members", new { userIds = ids });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
    }

    /// <summary>A customer's email arrives in the team mailbox: its Graph id and Internet Message-ID.</summary>
    public async Task<(string Id, string InternetMessageId)> ReceiveAsync(string from, string subject)
    {
        var received = await Emulator.DeliverAsync(Address, new { from, subject, bodyHtml = $"<p>{subject}</p>" });
        return (received.GetProperty("id").GetString()!, received.GetProperty("internetMessageId").GetString()!);
    }
}
