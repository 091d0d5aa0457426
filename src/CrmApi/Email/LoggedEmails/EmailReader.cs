using System.Globalization;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>Builds the timeline and email views from the stored rows.</summary>
public sealed class EmailReader(EmailStore emails, RecordStore records)
{
    public static string TimelineScope(Guid recordId) => $"timeline:{recordId}";

    public async Task<TimelinePage> GetTimelineAsync(Guid accountId, Guid recordId, Cursor? after, int limit, CancellationToken ct)
    {
        var position = after is { } cursor ? (new DateTimeOffset(long.Parse(cursor.SortKey, CultureInfo.InvariantCulture), TimeSpan.Zero), cursor.Id) : ((DateTimeOffset, Guid)?)null;
        // One row more than the page tells whether there is a next page without a count.
        var rows = await emails.GetTimelinePageAsync(accountId, recordId, position, limit + 1, ct);
        var page = rows.Take(limit).ToList();
        var participants = await emails.GetParticipantsAsync(accountId, page.Select(email => email.Id).ToList(), ct);
        var items = page.Select(email =>
        {
            var people = participants[email.Id].ToList();
            return new TimelineItem(
                email.Id,
                email.Kind,
                email.Direction,
                TimelineTitle.For(email.Kind, email.Subject),
                new Mailbox(email.FromAddress, email.FromName),
                Role(people, ParticipantRoles.To),
                Role(people, ParticipantRoles.Cc),
                email.SentAt,
                email.Preview,
                email.LoggedBecause,
                InsertedItems.FromJson(email.Inserted).Select(item => item.Label).ToList(),
                email.BodyPurgedAt);
        }).ToList();
        var next = rows.Count > limit
            ? new Cursor(page[^1].SentAt.UtcTicks.ToString(CultureInfo.InvariantCulture), page[^1].Id).Encode(TimelineScope(recordId))
            : null;
        return new TimelinePage(items, next);
    }

    /// <summary>A cursor's sort key is the UTC ticks of the last item; anything else was not made here.</summary>
    public static bool IsTimelineSortKey(string sortKey) =>
        long.TryParse(sortKey, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks;

    public async Task<EmailResponse?> GetAsync(Guid accountId, Guid id, CancellationToken ct)
    {
        var email = await emails.GetByIdAsync(accountId, id, ct);
        if (email is null)
        {
            return null;
        }
        var people = (await emails.GetParticipantsAsync(accountId, [id], ct))[id].ToList();
        var recordIds = await emails.GetAssociatedRecordIdsAsync(accountId, id, ct);
        var associated = await records.GetManyByIdsAsync(accountId, recordIds.ToList(), ct);
        return new EmailResponse(
            email.Id,
            email.InternetMessageId,
            email.ConversationId,
            email.Kind,
            email.Direction,
            email.Subject,
            TimelineTitle.For(email.Kind, email.Subject),
            new Mailbox(email.FromAddress, email.FromName),
            email.SenderAddress is null ? null : new Mailbox(email.SenderAddress, email.SenderName),
            Role(people, ParticipantRoles.To),
            Role(people, ParticipantRoles.Cc),
            Role(people, ParticipantRoles.Bcc),
            email.SentAt,
            email.BodyHtml,
            email.Preview,
            email.LoggedBecause,
            associated.OrderBy(record => record.TypeName).ThenBy(record => record.Name).Select(record => record.ToSummary()).ToList(),
            email.Attachments is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<AttachmentInfo>>(email.Attachments, EmailWriter.AttachmentJson) ?? [],
            InsertedItems.FromJson(email.Inserted).Select(item => item.Label).ToList(),
            email.BodyPurgedAt);
    }

    private static List<Mailbox> Role(List<EmailParticipant> people, string role) =>
        people.Where(person => person.Role == role).OrderBy(person => person.Position).Select(person => new Mailbox(person.Address, person.DisplayName)).ToList();
}
