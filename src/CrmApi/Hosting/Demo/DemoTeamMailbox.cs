using System.Text.Json;
using OutlookCrm.CrmApi.Crm.Lookup;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.ByHand;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Members;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.CrmApi.Hosting.Demo;

/// <summary>
/// The demo's team mailbox <c>sales@contoso.com</c> (issue 20), once, when it is first connected: Alex is a member; a
/// customer's question to it is logged by Alex (as "Log this email" does) to the customer and a new ticket, and the
/// team's answer and the customer's thanks follow it on the thread, each in the team mailbox, so Reply on the
/// timeline opens the team's copy and goes from the team's address. The emulator keeps mail in memory: after a restart
/// the thread is still logged, and Reply writes a new message instead (the team's copy is gone).
/// </summary>
public sealed class DemoTeamMailbox(IServiceProvider services)
{
    public const string Address = "sales@contoso.com";
    public const string DisplayName = "Contoso Sales";

    public async Task SeedAsync(ConnectedMailbox team, CurrentUser alex, CancellationToken ct)
    {
        await services.GetRequiredService<MailboxMemberStore>().ReplaceAsync(team.AccountId, team.Id, [alex.UserId], DateTimeOffset.UtcNow, ct);
        var found = await services.GetRequiredService<LookupStore>().FindContactsAsync(team.AccountId, ["megan.bowen@fabrikam.com"], ct);
        if (found is not [{ Contacts: [var megan, ..] }, ..])
        {
            return;
        }
        var ticket = await services.GetRequiredService<SaveRecord>().CreateAsync(alex, BuiltinTypes.Ticket,
            new RecordInput("Fabrikam: licence keys for 50 more seats", null, new Dictionary<string, JsonElement> { ["priority"] = JsonSerializer.SerializeToElement("normal") }, null, null, null, "new"), ct);
        var mail = services.GetRequiredService<MailService>();
        var mailboxes = services.GetRequiredService<MailStore>();
        var inbox = mailboxes.FindByAddress(Address)!;
        var customer = new EmailAddress("Megan.Bowen@fabrikam.com", "Megan Bowen");
        var question = mail.Deliver(inbox, new Outgoing(customer, [new EmailAddress(Address, DisplayName)], [], [], "50 more seats for Lisbon",
            "<p>Hello,</p><p>We are opening an office in Lisbon: could you send licence keys for 50 more seats?</p><p>Megan</p>", [], null, null));
        await services.GetRequiredService<LogByHand>().LogAsync(alex, new LogByHandRequest(question.InternetMessageId, question.Id, [megan.Id, ticket.Value!.Id], Address), ct);
        var answer = mail.Send(inbox, new Outgoing(new EmailAddress(Address, DisplayName), [customer], [], [], "RE: 50 more seats for Lisbon",
            "<p>Hi Megan,</p><p>The keys are on their way: expect them by Friday.</p><p>Contoso Sales</p>", [], question.InternetMessageId, question.InternetMessageId), null);
        mail.Deliver(inbox, new Outgoing(customer, [new EmailAddress(Address, DisplayName)], [], [], "RE: 50 more seats for Lisbon",
            "<p>Thank you! Could the invoice name the Lisbon office?</p><p>Megan</p>", [], answer.InternetMessageId, $"{question.InternetMessageId} {answer.InternetMessageId}"));
    }
}
