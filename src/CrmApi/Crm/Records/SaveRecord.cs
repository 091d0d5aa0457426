using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>A record checked and built, ready to store, with what the API shows of it.</summary>
public sealed record NewRecord(CrmRecord Record, IReadOnlyList<ContactEmail> Emails, RecordResponse Response);

/// <summary>Creates and changes records: validation against the object type, the owner check, one transaction.</summary>
public sealed class SaveRecord(ObjectTypeStore types, RecordStore records, RecordReader reader, AccountStore accounts, ISuppressedAddresses suppressed, TimeProvider clock)
{
    public async Task<Outcome<RecordResponse>> CreateAsync(CurrentUser user, string typeName, RecordInput input, CancellationToken ct)
    {
        var prepared = await PrepareAsync(user.AccountId, user.UserId, typeName, input, ct);
        if (prepared.Value is not { } ready)
        {
            return prepared.Failed<RecordResponse>();
        }
        await records.CreateAsync(ready.Record, ready.Emails, ct);
        return Outcome<RecordResponse>.Done(ready.Response);
    }

    /// <summary>
    /// A new record checked and built but not stored, for callers that store several in one transaction. Its owner is
    /// the input's, else <paramref name="ownerByDefault"/> (the rep creating it; none when logging creates it).
    /// </summary>
    public async Task<Outcome<NewRecord>> PrepareAsync(Guid accountId, Guid? ownerByDefault, string typeName, RecordInput input, CancellationToken ct)
    {
        var type = await types.GetByNameAsync(accountId, typeName, ct);
        if (type is null)
        {
            return RecordReader.UnknownType<NewRecord>(typeName);
        }
        var errors = new ValidationErrors();
        var changes = RecordValidator.Validate(type.Name, input, creating: true, errors);
        await CheckOwnerAsync(accountId, changes.OwnerId, errors, ct);
        await CheckNotErasedAsync(accountId, changes.Emails, errors, ct);
        if (errors.Any)
        {
            return Outcome<NewRecord>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var record = new CrmRecord
        {
            Id = clock.NewId(),
            AccountId = accountId,
            ObjectTypeId = type.Id,
            TypeName = type.Name,
            Name = changes.Name!,
            OwnerUserId = changes.OwnerId ?? ownerByDefault,
            Domain = changes.Domain,
            Stage = changes.Stage,
            Status = changes.Status,
            Properties = PropertyBag.Merge(PropertyBag.Empty, changes.Properties),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var emails = ToRows(record, changes.Emails ?? []);
        return Outcome<NewRecord>.Done(new NewRecord(record, emails, record.ToResponse(type.Name == BuiltinTypes.Contact ? emails : null)));
    }

    public async Task<Outcome<RecordResponse>> UpdateAsync(CurrentUser user, string typeName, Guid id, RecordInput input, CancellationToken ct)
    {
        var found = await reader.FindAsync(user.AccountId, typeName, id, ct);
        if (found.Value is not { } record)
        {
            return found.Failed<RecordResponse>();
        }
        var errors = new ValidationErrors();
        var changes = RecordValidator.Validate(record.TypeName, input, creating: false, errors);
        await CheckOwnerAsync(user.AccountId, changes.OwnerId, errors, ct);
        await CheckNotErasedAsync(user.AccountId, changes.Emails, errors, ct);
        if (errors.Any)
        {
            return Outcome<RecordResponse>.Invalid(errors);
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
        return Outcome<RecordResponse>.Done(updated.ToResponse(emails));
    }

    private async Task CheckOwnerAsync(Guid accountId, Guid? ownerId, ValidationErrors errors, CancellationToken ct)
    {
        if (ownerId is { } owner && await accounts.GetUserByIdAsync(accountId, owner, ct) is null)
        {
            errors.Add("ownerId", "There is no user with this id in your account.");
        }
    }

    /// <summary>An address erased under GDPR is never re-created, not even by hand.</summary>
    private async Task CheckNotErasedAsync(Guid accountId, IReadOnlyList<ValidEmail>? emails, ValidationErrors errors, CancellationToken ct)
    {
        // With other errors the valid list no longer lines up with the request's indexes; those errors come first.
        if (emails is null || emails.Count == 0 || errors.Any)
        {
            return;
        }
        var erased = await suppressed.AmongAsync(accountId, emails.Select(email => email.Normalized).ToList(), ct);
        for (var i = 0; i < emails.Count; i++)
        {
            if (erased.Contains(emails[i].Normalized))
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
