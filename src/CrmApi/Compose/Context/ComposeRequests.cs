using OutlookCrm.CrmApi.Compose.Recipients;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Compose.Context;

public sealed record StartedFrom(string? Type, Guid? Id);

/// <summary>The body of <c>/api/compose/context</c> and <c>/api/compose/send-check</c>.</summary>
public sealed record ComposeRequest(
    string? TrackingId,
    string? From,
    List<string>? To,
    List<string>? Cc,
    List<string>? Bcc,
    List<Guid>? Associations,
    StartedFrom? StartedFrom,
    List<Guid>? ConfirmedClosedTickets = null);

/// <summary>Turns a compose body into an <see cref="OutgoingEmail"/>, naming every field at fault.</summary>
public sealed class ComposeRequestReader(RecordStore records)
{
    public const int MaxRecipients = 100;
    public const int MaxAssociations = 50;
    public const int MaxTrackingIdLength = 128;

    public async Task<Outcome<OutgoingEmail>> ReadAsync(
        ComposeRequest request, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.TrackingId is { } trackingId && (trackingId.Trim().Length == 0 || trackingId.Length > MaxTrackingIdLength))
        {
            errors.Add("trackingId", $"A tracking id is 1 to {MaxTrackingIdLength} characters.");
        }
        if (request.From is not null && !EmailAddresses.TryNormalize(request.From, out _))
        {
            errors.Add("from", "Not a valid email address.");
        }
        var recipients = new List<Recipient>();
        foreach (var (field, addresses) in new[] { ("to", request.To), ("cc", request.Cc), ("bcc", request.Bcc) })
        {
            for (var i = 0; i < (addresses?.Count ?? 0); i++)
            {
                if (EmailAddresses.TryNormalize(addresses![i], out var normalized))
                {
                    recipients.Add(new Recipient(field, addresses[i].Trim(), normalized));
                }
                else
                {
                    errors.Add($"{field}[{i}]", "Not a valid email address.");
                }
            }
        }
        if (recipients.Count > MaxRecipients)
        {
            errors.Add("to", $"At most {MaxRecipients} recipients in all.");
        }
        var associations = request.Associations ?? [];
        if (associations.Count > MaxAssociations)
        {
            errors.Add("associations", $"At most {MaxAssociations} associations.");
        }
        if (request.StartedFrom is { } started && (string.IsNullOrWhiteSpace(started.Type) || started.Id is null))
        {
            errors.Add("startedFrom", "Give both the type and the id of the record the email was started from.");
        }
        var ids = associations.Concat(request.StartedFrom?.Id is { } startedId ? [startedId] : []).Distinct().ToList();
        // A rep confirms a closed ticket the email concerns, so only one of the email's own records can be confirmed.
        var confirmed = request.ConfirmedClosedTickets ?? [];
        for (var i = 0; i < confirmed.Count; i++)
        {
            if (!ids.Contains(confirmed[i]))
            {
                errors.Add($"confirmedClosedTickets[{i}]", "Confirm only a ticket the email is associated with or started from.");
            }
        }
        if (errors.Any)
        {
            return Outcome<OutgoingEmail>.Invalid(errors);
        }
        var found = (await records.GetManyByIdsAsync(user.AccountId, ids, ct)).ToDictionary(record => record.Id);
        for (var i = 0; i < associations.Count; i++)
        {
            if (!found.ContainsKey(associations[i]))
            {
                return Outcome<OutgoingEmail>.NotFound($"associations[{i}]", "There is no record with this id.");
            }
        }
        if (request.StartedFrom is { Id: { } fromId, Type: { } fromType } && (!found.TryGetValue(fromId, out var origin) || origin.TypeName != fromType))
        {
            return Outcome<OutgoingEmail>.NotFound("startedFrom.id", $"There is no {fromType} with this id.");
        }
        return Outcome<OutgoingEmail>.Done(new OutgoingEmail(user.AccountId, user.UserId, recipients, associations, request.StartedFrom?.Id, request.TrackingId?.Trim(), [.. confirmed.Distinct()]));
    }
}
