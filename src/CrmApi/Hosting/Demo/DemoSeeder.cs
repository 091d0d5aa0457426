using System.Text.Json;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Hosting.Demo;

/// <summary>
/// The demo account a fresh <c>dotnet run</c> shows: Contoso's reps and their customers. It goes through the same
/// validation and stores as the API, so the demo cannot hold data the API would refuse.
/// </summary>
public sealed class DemoSeeder(
    AccountOnboarding onboarding, AccountStore accounts, ObjectTypeStore types, SaveRecord save,
    AssociationStore associations, EmailWriter emails, PrivacyStore privacy, ContactCommunication communication, ContentLibrary content, TimeProvider clock)
{
    public async Task SeedAsync(string tenantId, CancellationToken ct)
    {
        var account = await onboarding.OnboardAsync(tenantId, "Contoso", ct);
        var alex = DemoData.DemoUser(account.Id, tenantId, "alex@contoso.com", "Alex Wilber", clock);
        await accounts.CreateUserAsync(alex, ct);
        await accounts.CreateUserAsync(DemoData.DemoUser(account.Id, tenantId, "support@contoso.com", "Contoso Support", clock), ct);
        var user = new CurrentUser();
        user.Set(new CurrentUser.Identity(account.Id, alex.Id, alex.Email, alex.DisplayName), isAdmin: true);

        var fabrikam = await CreateAsync(user, BuiltinTypes.Company, new(Name: "Fabrikam", null, Props(("industry", "Manufacturing")), null, Domain: "fabrikam.com", null, null), ct);
        var northwind = await CreateAsync(user, BuiltinTypes.Company, new(Name: "Northwind Traders", null, Props(("industry", "Wholesale")), null, Domain: "northwindtraders.com", null, null), ct);
        // One contact with two addresses (work and personal).
        var megan = await CreateAsync(user, BuiltinTypes.Contact, new(Name: "Megan Bowen", null, Props(("firstName", "Megan"), ("lastName", "Bowen"), ("jobTitle", "Head of Procurement")),
            [new("Megan.Bowen@fabrikam.com", true), new("megan.bowen@outlook.com", false)], null, null, null), ct);
        // Two contacts who share one address: the pane must show both, never pick one.
        var lee = await CreateAsync(user, BuiltinTypes.Contact, new(Name: "Lee Gu", null, Props(("firstName", "Lee"), ("lastName", "Gu"), ("jobTitle", "Buyer")),
            [new("lee.gu@northwindtraders.com", true), new("purchasing@northwindtraders.com", false)], null, null, null), ct);
        var isaiah = await CreateAsync(user, BuiltinTypes.Contact, new(Name: "Isaiah Langer", null, Props(("firstName", "Isaiah"), ("lastName", "Langer"), ("jobTitle", "Buyer")),
            [new("isaiah.langer@northwindtraders.com", true), new("purchasing@northwindtraders.com", false)], null, null, null), ct);
        var deal = await CreateAsync(user, BuiltinTypes.Deal, new(Name: "Fabrikam - 200 seats", null, Props(("amount", 48000), ("currency", "EUR")), null, null, Stage: "qualifiedToBuy", null), ct);
        var ticket = await CreateAsync(user, BuiltinTypes.Ticket, new(Name: "Northwind: invoices do not sync", null, Props(("priority", "high")), null, null, null, Status: "new"), ct);
        await types.CreateAsync(new ObjectType
        {
            Id = clock.NewId(),
            AccountId = account.Id,
            Name = "project",
            Label = "Project",
            PluralLabel = "Projects",
            IsBuiltin = false,
            CreatedAt = clock.GetUtcNow(),
        }, ct);
        var project = await CreateAsync(user, "project", new(Name: "Fabrikam rollout", null, Props(("phase", "pilot")), null, null, null, null), ct);

        await AssociateAsync(account.Id, megan, fabrikam, "Employee", ct);
        await AssociateAsync(account.Id, lee, northwind, "Employee", ct);
        await AssociateAsync(account.Id, isaiah, northwind, "Employee", ct);
        await AssociateAsync(account.Id, deal, fabrikam, "", ct);
        await AssociateAsync(account.Id, deal, megan, "Decision maker", ct);
        await AssociateAsync(account.Id, ticket, northwind, "", ct);
        await AssociateAsync(account.Id, ticket, lee, "", ct);
        await AssociateAsync(account.Id, project, fabrikam, "", ct);
        await AssociateAsync(account.Id, project, deal, "", ct);

        await SeedEmailsAsync(account.Id, megan, fabrikam, deal, ct);
        await SeedLegalBasisAsync(user, megan, isaiah, ct);
        await SeedContentAsync(user, deal, ct);
    }

    /// <summary>A library to insert from: a personalised template, a snippet, Alex's meeting link, a document, an article, a quote.</summary>
    private async Task SeedContentAsync(CurrentUser user, Guid deal, CancellationToken ct)
    {
        ContentInput[] items =
        [
            new(ContentKinds.Template, "Pricing follow-up", "Pricing for {{company.name|your team}}",
                "<p>Hi {{contact.firstName|there}},</p><p>As promised, here is our pricing for {{deal.name|the seats we discussed}}.</p>"
                + "<p>If a call helps, <a href=\"{{sender.meetingLink}}\">pick a time in my calendar</a>.</p><p>Best regards,<br>{{sender.name}}</p>",
                null, ContentSharing.Everyone, null, null, null),
            new(ContentKinds.Snippet, "Thanks for your time", null, "<p>Thanks again for your time today, {{contact.firstName|there}}.</p>", null, ContentSharing.Private, null, null, null),
            new(ContentKinds.Meeting, "Book 30 minutes with Alex", null, "<p>Or reply with one of these: Tuesday 10:00, Wednesday 14:00, Thursday 16:00.</p>",
                "https://outlook.office.com/bookwithme/user/alex@contoso.com", ContentSharing.Private, null, null, null),
            new(ContentKinds.Document, "Product sheet 2027", null, null, "https://contoso.example.com/docs/product-sheet-2027.pdf", ContentSharing.Everyone, null, null, null),
            new(ContentKinds.KnowledgeBase, "How to export invoices", null, "<p>Step by step: export invoices to CSV or to your accounting tool.</p>",
                "https://support.contoso.example.com/kb/export-invoices", ContentSharing.Everyone, null, null, null),
            new(ContentKinds.Quote, "Fabrikam - 200 seats", null, null, null, ContentSharing.Everyone, null, deal,
                new QuoteInput("EUR", [new("Seat licence (12 months)", 200, 220), new("Onboarding workshop", 1, 4000)], clock.GetUtcNow().AddDays(30))),
        ];
        foreach (var item in items)
        {
            var created = await content.CreateAsync(user, item, ct);
            if (created.Value is null)
            {
                throw new InvalidOperationException($"Demo content '{item.Name}' was refused: {string.Join("; ", created.Errors?.ToDictionary().SelectMany(error => error.Value) ?? [created.MissingDetail])}");
            }
        }
    }

    /// <summary>Privacy on, so the pane shows every badge: Megan covered, Lee without a basis, Isaiah opted out.</summary>
    private async Task SeedLegalBasisAsync(CurrentUser user, Guid megan, Guid isaiah, CancellationToken ct)
    {
        var settings = PrivacySettings.Default(user.AccountId) with { PrivacyEnabled = true, UpdatedAt = clock.GetUtcNow(), UpdatedByUserId = user.UserId };
        await privacy.SaveSettingsAsync(settings, [DemoData.Domain], ct);
        await communication.SaveSubscriptionAsync(user, megan,
            new SubscriptionRequest(SubscriptionTypes.OneToOne, SubscriptionStatuses.Subscribed, LegalBases.LegitimateInterestCustomer, "Fabrikam is a customer since 2024"), ct);
        await communication.SetGlobalOptOutAsync(user, isaiah, new GlobalOptOutRequest(true), ct);
    }

    private async Task SeedEmailsAsync(Guid accountId, Guid megan, Guid fabrikam, Guid deal, CancellationToken ct)
    {
        var alex = new Mailbox("alex@contoso.com", "Alex Wilber");
        var meganBox = new Mailbox("Megan.Bowen@fabrikam.com", "Megan Bowen");
        var start = clock.GetUtcNow().AddDays(-3);
        const string Conversation = "demo-conversation-fabrikam-seats";
        NewEmail Demo(string messageId, string kind, string direction, string subject, Mailbox from, Mailbox to, DateTimeOffset sentAt, string body, string because, IReadOnlyList<Guid> records) => new()
        {
            AccountId = accountId,
            InternetMessageId = messageId,
            ConversationId = Conversation,
            Kind = kind,
            Direction = direction,
            Subject = subject,
            From = from,
            To = [to],
            SentAt = sentAt,
            BodyHtml = body,
            LoggedBecause = because,
            RecordIds = records,
        };
        await emails.WriteAsync(Demo("<demo-1@contoso.com>", EmailKinds.Email, EmailDirections.Outgoing, "200 seats for Fabrikam", alex, meganBox, start,
            "<p>Hi Megan,</p><p>As promised, the proposal for 200 seats is attached.</p><p>Alex</p>", "Logged from the demo data", [megan, fabrikam, deal]), ct);
        await emails.WriteAsync(Demo("<demo-2@fabrikam.com>", EmailKinds.Reply, EmailDirections.Incoming, "RE: 200 seats for Fabrikam", meganBox, alex, start.AddHours(5),
            "<p>Thanks Alex, can we start with a pilot of 20?</p>", "Reply to logged email <demo-1@contoso.com>", [megan, fabrikam, deal]), ct);
        await emails.WriteAsync(Demo("<demo-3@contoso.com>", EmailKinds.Forward, EmailDirections.Outgoing, "FW: 200 seats for Fabrikam", alex, meganBox, start.AddDays(1),
            "<p>Megan, forwarding the pilot plan our team wrote.</p>", "Forward in logged thread <demo-1@contoso.com>", [megan, deal]), ct);
    }

    private async Task<Guid> CreateAsync(CurrentUser user, string type, RecordInput input, CancellationToken ct) =>
        (await save.CreateAsync(user, type, input, ct)).Value?.Id
            ?? throw new InvalidOperationException($"The demo {type} '{input.Name}' is invalid");

    private async Task AssociateAsync(Guid accountId, Guid from, Guid to, string label, CancellationToken ct) =>
        await associations.CreateAsync(new AssociationRow
        {
            Id = clock.NewId(),
            AccountId = accountId,
            FromRecordId = from,
            ToRecordId = to,
            Label = label,
            CreatedAt = clock.GetUtcNow(),
        }, ct);

    private static Dictionary<string, JsonElement> Props(params (string Key, object Value)[] properties) =>
        properties.ToDictionary(property => property.Key, property => JsonSerializer.SerializeToElement(property.Value));
}
