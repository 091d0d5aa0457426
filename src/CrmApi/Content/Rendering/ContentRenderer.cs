using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Crm.Associations;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Html;

namespace OutlookCrm.CrmApi.Content.Rendering;

public sealed record RenderRequest(List<Guid>? RecordIds);

/// <summary>What the pane inserts: the subject (templates), the HTML, the tokens that had no value, and what was inserted.</summary>
public sealed record RenderedContent(string? Subject, string Html, IReadOnlyList<string> Missing, InsertedContent Inserted);

/// <summary>An item as an email remembers it: "Template: Pricing follow-up" on the timeline.</summary>
public sealed record InsertedContent(Guid Id, string Kind, string Name);

/// <summary>
/// Renders an item for the records an email is about: tokens filled from the first contact, company, deal and ticket
/// given (a contact's company when none is), and from the sender. Each value is HTML-encoded where it lands and the
/// whole is sanitised again, so a record's "&lt;script&gt;" stays text.
/// </summary>
public sealed partial class ContentRenderer(ContentStore store, ContentLibrary library, RecordStore records, AssociationStore associations)
{
    public const int MaxRecords = 20;

    public async Task<Outcome<RenderedContent>> RenderAsync(CurrentUser user, Guid id, RenderRequest request, CancellationToken ct)
    {
        var ids = request.RecordIds ?? [];
        if (ids.Count > MaxRecords)
        {
            return Outcome<RenderedContent>.Invalid("recordIds", $"At most {MaxRecords} records.");
        }
        if (await store.GetVisibleAsync(user.AccountId, user.UserId, id, ct) is not { } item)
        {
            return Outcome<RenderedContent>.NotFound("id", "There is no content item with this id.");
        }
        var found = (await records.GetManyByIdsAsync(user.AccountId, ids.Distinct().ToList(), ct)).ToDictionary(record => record.Id);
        var unknown = ids.FindIndex(recordId => !found.ContainsKey(recordId));
        if (unknown >= 0)
        {
            return Outcome<RenderedContent>.NotFound($"recordIds[{unknown}]", "There is no record with this id.");
        }
        var inserted = new InsertedContent(item.Id, item.Kind, item.Name);
        var link = library.LinkOf(item);
        var encodedName = WebUtility.HtmlEncode(item.Name);
        switch (item.Kind)
        {
            case ContentKinds.Quote:
                var quote = library.ToResponse(item, user).Quote!;
                var total = quote.Total.ToString("#,##0.##", CultureInfo.InvariantCulture);
                return Done(null, $"<a href=\"{WebUtility.HtmlEncode(link)}\">Quote: {encodedName} ({total} {quote.Currency})</a>", [], inserted);
            case ContentKinds.Document or ContentKinds.KnowledgeBase:
                return link is null
                    ? Outcome<RenderedContent>.NotFound("id", "This document has neither an address nor a file yet.")
                    : Done(null, $"<a href=\"{WebUtility.HtmlEncode(link)}\">{encodedName}</a>", [], inserted);
        }
        var values = await ValuesAsync(user, ids.Select(recordId => found[recordId]).ToList(), ct);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var subject = item.Subject is null ? null : NewLines().Replace(PersonalisationTokens.Render(item.Subject, values.GetValueOrDefault, text => text, missing), " ");
        var html = item.BodyHtml is null ? "" : PersonalisationTokens.Render(item.BodyHtml, values.GetValueOrDefault, WebUtility.HtmlEncode, missing);
        if (item.Kind == ContentKinds.Meeting)
        {
            html = $"<a href=\"{WebUtility.HtmlEncode(link)}\">{encodedName}</a>{html}";
        }
        return Done(subject, html, [.. missing], inserted);
    }

    private static Outcome<RenderedContent> Done(string? subject, string html, IReadOnlyList<string> missing, InsertedContent inserted) =>
        Outcome<RenderedContent>.Done(new RenderedContent(subject, EmailBodies.Sanitize(html), missing, inserted));

    private async Task<Dictionary<string, string?>> ValuesAsync(CurrentUser user, List<CrmRecord> given, CancellationToken ct)
    {
        var contact = given.FirstOrDefault(record => record.TypeName == BuiltinTypes.Contact);
        var company = given.FirstOrDefault(record => record.TypeName == BuiltinTypes.Company);
        if (company is null && contact is not null)
        {
            // The contact's company when the email names none: "{{company.name}}" means the company of the person written to.
            var linked = (await associations.GetOfRecordAsync(user.AccountId, contact.Id, ct)).FirstOrDefault(link => link.RecordType == BuiltinTypes.Company);
            company = linked is null ? null : await records.GetByIdAsync(user.AccountId, linked.RecordId, ct);
        }
        var deal = given.FirstOrDefault(record => record.TypeName == BuiltinTypes.Deal);
        var ticket = given.FirstOrDefault(record => record.TypeName == BuiltinTypes.Ticket);
        var email = contact is null ? null : (await records.GetEmailsAsync(user.AccountId, [contact.Id], ct))[contact.Id].OrderByDescending(row => row.IsPrimary).FirstOrDefault()?.Address;
        var (first, last) = contact is null ? (null, null) : NamesOf(contact);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["contact.firstName"] = first,
            ["contact.lastName"] = last,
            ["contact.fullName"] = contact?.Name,
            ["contact.email"] = email,
            ["contact.jobTitle"] = Property(contact, "jobTitle"),
            ["company.name"] = company?.Name,
            ["company.domain"] = company?.Domain,
            ["deal.name"] = deal?.Name,
            ["deal.amount"] = Amount(Property(deal, "amount")),
            ["deal.stage"] = deal?.Stage is { } stage ? Words(stage) : null,
            ["deal.closeDate"] = Property(deal, "closeDate"),
            ["ticket.name"] = ticket?.Name,
            ["ticket.status"] = ticket?.Status is { } status ? Words(status) : null,
            ["sender.name"] = user.DisplayName,
            ["sender.firstName"] = user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            ["sender.email"] = user.Email,
            ["sender.meetingLink"] = await store.MeetingLinkOfAsync(user.AccountId, user.UserId, ct),
        };
    }

    private static (string? First, string? Last) NamesOf(CrmRecord contact)
    {
        var parts = contact.Name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return (Property(contact, "firstName") ?? parts.FirstOrDefault(), Property(contact, "lastName") ?? (parts.Length > 1 ? parts[1] : null));
    }

    private static string? Property(CrmRecord? record, string name)
    {
        if (record is null)
        {
            return null;
        }
        using var json = JsonDocument.Parse(record.Properties);
        if (!json.RootElement.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string? Amount(string? raw) =>
        decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount.ToString("#,##0.##", CultureInfo.InvariantCulture) : raw;

    /// <summary>"contractSent" → "Contract sent".</summary>
    private static string Words(string identifier)
    {
        var spaced = CamelHumps().Replace(identifier, " $1").ToLowerInvariant();
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHumps();

    [GeneratedRegex(@"[\r\n]+")]
    private static partial Regex NewLines();
}
