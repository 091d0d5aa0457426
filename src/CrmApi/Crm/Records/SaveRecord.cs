using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Privacy.Erasure;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>The outcome of creating or changing a record; the endpoint turns it into a status code.</summary>
public abstract record SaveRecordResult
{
    public sealed record Saved(RecordResponse Record) : SaveRecordResult;

    public sealed record Invalid(ValidationErrors Errors) : SaveRecordResult;

    public sealed record NotFound(string Field, string Detail) : SaveRecordResult;
}

/// <summary>A record ready to store, or why it cannot be.</summary>
public abstract record PreparedRecord
{
    public sealed record Ready(CrmRecord Record, IReadOnlyList<ContactEmail> Emails, RecordResponse Response) : PreparedRecord;

    public sealed record Refused(SaveRecordResult Result) : PreparedRecord;
}

/// <summary>Creates and changes records: validation against the object type, the owner check, one transaction.</summary>
public sealed class SaveRecord(ObjectTypeStore types, RecordStore records, RecordReader reader, AccountStore accounts, PrivacyStore privacy, TimeProvider clock)
{
    public async Task<SaveRecordResult> CreateAsync(CurrentUser user, string typeName, RecordInput input, CancellationToken ct)
    {
        var prepared = await PrepareAsync(user, typeName, input, ct);
        if (prepared is not PreparedRecord.Ready ready)
        {
            return ((PreparedRecord.Refused)prepared).Result;
        }
        await records.CreateAsync(ready.Record, ready.Emails, ct);
        return new SaveRecordResult.Saved(ready.Response);
    }

    /// <summary>A new record checked and built but not stored, for callers that store several in one transaction.</summary>
    public async Task<PreparedRecord> PrepareAsync(CurrentUser user, string typeName, RecordInput input, CancellationToken ct)
    {
        var type = await types.GetByNameAsync(user.AccountId, typeName, ct);
        if (type is null)
        {
            return new PreparedRecord.Refused(RecordReader.UnknownType(typeName));
        }
        var errors = new ValidationErrors();
        var changes = RecordValidator.Validate(type.Name, input, creating: true, errors);
        await CheckOwnerAsync(user, changes.OwnerId, errors, ct);
        await CheckNotErasedAsync(user, changes.Emails, errors, ct);
        if (errors.Any)
        {
            return new PreparedRecord.Refused(new SaveRecordResult.Invalid(errors));
        }
        var now = clock.GetUtcNow();
        var record = new CrmRecord
        {
            Id = clock.NewId(),
            AccountId = user.AccountId,
            ObjectTypeId = type.Id,
            TypeName = type.Name,
            Name = changes.Name!,
            OwnerUserId = changes.OwnerId ?? user.UserId,
            Domain = changes.Domain,
            Stage = changes.Stage,
            Status = changes.Status,
            Properties = PropertyBag.Merge(PropertyBag.Empty, changes.Properties),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var emails = ToRows(record, changes.Emails ?? []);
        return new PreparedRecord.Ready(record, emails, record.ToResponse(type.Name == BuiltinTypes.Contact ? emails : null));
    }

    public async Task<SaveRecordResult> UpdateAsync(CurrentUser user, string typeName, Guid id, RecordInput input, CancellationToken ct)
    {
        var (record, missing) = await reader.FindAsync(user.AccountId, typeName, id, ct);
        if (record is null)
        {
            return missing!;
        }
        var errors = new ValidationErrors();
        var changes = RecordValidator.Validate(record.TypeName, input, creating: false, errors);
        await CheckOwnerAsync(user, changes.OwnerId, errors, ct);
        await CheckNotErasedAsync(user, changes.Emails, errors, ct);
        if (errors.Any)
        {
            return new SaveRecordResult.Invalid(errors);
        }
        var updated = record with
        {
            Name = changes.Name ?? record.Name,
            OwnerUserId = changes.OwnerId ?? record.OwnerUserId,
            Domain = changes.Domain ?? record.Domain,
            Stage = changes.Stage ?? record.Stage,
            Status = changes.Status ?? record.Status,
            Properties = PropertyBag.Merge(record.Properties, changes.Properties),
            UpdatedAt = clock.GetUtcNow(),
        };
        var emails = changes.Emails is null ? null : ToRows(updated, changes.Emails);
        await records.UpdateAsync(updated, emails, ct);
        if (record.TypeName == BuiltinTypes.Contact)
        {
            emails ??= (await records.GetEmailsAsync(user.AccountId, [id], ct))[id].ToList();
        }
        return new SaveRecordResult.Saved(updated.ToResponse(emails));
    }

    private async Task CheckOwnerAsync(CurrentUser user, Guid? ownerId, ValidationErrors errors, CancellationToken ct)
    {
        if (ownerId is { } owner && await accounts.GetUserByIdAsync(user.AccountId, owner, ct) is null)
        {
            errors.Add("ownerId", "There is no user with this id in your account.");
        }
    }

    /// <summary>An address erased under GDPR is never re-created, not even by hand.</summary>
    private async Task CheckNotErasedAsync(CurrentUser user, IReadOnlyList<ValidEmail>? emails, ValidationErrors errors, CancellationToken ct)
    {
        // With other errors the valid list no longer lines up with the request's indexes; those errors come first.
        if (emails is null || emails.Count == 0 || errors.Any)
        {
            return;
        }
        var hashes = emails.Select(email => ErasedAddresses.Hash(user.AccountId, email.Normalized)).ToList();
        var erased = await privacy.GetErasedHashesAsync(user.AccountId, hashes, ct);
        for (var i = 0; i < hashes.Count; i++)
        {
            if (erased.Contains(hashes[i]))
            {
                errors.Add($"emails[{i}].address", "This address was erased at the person's request (GDPR) and cannot be added again.");
            }
        }
    }

    private List<ContactEmail> ToRows(CrmRecord record, IReadOnlyList<ValidEmail> emails) =>
        emails.Select(email => new ContactEmail
        {
            Id = clock.NewId(),
            AccountId = record.AccountId,
            RecordId = record.Id,
            Address = email.Address,
            AddressNormalized = email.Normalized,
            IsPrimary = email.Primary,
        }).ToList();
}
