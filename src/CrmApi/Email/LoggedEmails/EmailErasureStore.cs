using System.Data.Common;
using Dapper;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

public sealed record ParticipantAddress
{
    public required Guid EmailId { get; init; }
    public required string AddressNormalized { get; init; }
}

public sealed record EmailTexts
{
    public required Guid Id { get; init; }
    public required string Subject { get; init; }
    public required string FromAddress { get; init; }
    public string? FromName { get; init; }
    public required string BodyHtml { get; init; }
    public required string Preview { get; init; }
}

/// <summary>Logged emails as erasure reads and rewrites them, always inside the erasure's transaction.</summary>
public static class EmailErasureStore
{
    /// <summary>Emails with one of these addresses among their participants, or on the contact's timeline.</summary>
    public static async Task<IReadOnlyList<Guid>> GetEmailsTouchingAsync(DbTransaction transaction, Guid accountId, Guid contactId, IReadOnlyList<string> addresses, CancellationToken ct) =>
        (await transaction.Connection!.QueryAsync<Guid>(new CommandDefinition(EmailErasureSql.GetEmailsTouching,
            new { AccountId = accountId, ContactId = contactId, Addresses = addresses }, transaction, cancellationToken: ct))).Distinct().ToList();

    public static async Task<IReadOnlySet<Guid>> GetEmailsWithOtherContactsAsync(DbTransaction transaction, Guid accountId, Guid contactId, IReadOnlyList<Guid> emailIds, CancellationToken ct) =>
        (await transaction.Connection!.QueryAsync<Guid>(new CommandDefinition(EmailErasureSql.GetEmailsWithOtherContacts,
            new { AccountId = accountId, ContactId = contactId, EmailIds = emailIds }, transaction, cancellationToken: ct))).ToHashSet();

    public static async Task<IReadOnlyList<ParticipantAddress>> GetParticipantAddressesAsync(DbTransaction transaction, Guid accountId, IReadOnlyList<Guid> emailIds, CancellationToken ct) =>
        (await transaction.Connection!.QueryAsync<ParticipantAddress>(new CommandDefinition(EmailErasureSql.GetParticipantAddresses,
            new { AccountId = accountId, EmailIds = emailIds }, transaction, cancellationToken: ct))).AsList();

    public static async Task<IReadOnlyList<EmailTexts>> GetTextsAsync(DbTransaction transaction, Guid accountId, IReadOnlyList<Guid> emailIds, CancellationToken ct) =>
        (await transaction.Connection!.QueryAsync<EmailTexts>(new CommandDefinition(EmailErasureSql.GetEmailTexts,
            new { AccountId = accountId, EmailIds = emailIds }, transaction, cancellationToken: ct))).AsList();

    /// <summary>The participant rows of an address in these emails become the redacted participant.</summary>
    public static Task RedactParticipantAsync(DbTransaction transaction, Guid accountId, IReadOnlyList<Guid> emailIds, string address, string redactedAddress, string redactedNormalized, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(EmailErasureSql.RedactParticipant, new
        {
            AccountId = accountId,
            EmailIds = emailIds,
            Address = address,
            RedactedAddress = redactedAddress,
            RedactedNormalized = redactedNormalized,
        }, transaction, cancellationToken: ct));

    public static Task ReplaceTextsAsync(DbTransaction transaction, Guid accountId, EmailTexts texts, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(EmailErasureSql.RedactEmailTexts, new
        {
            AccountId = accountId,
            texts.Id,
            texts.Subject,
            texts.FromAddress,
            texts.FromName,
            texts.BodyHtml,
            texts.Preview,
        }, transaction, cancellationToken: ct));
}
