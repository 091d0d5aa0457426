using System.Text.Json;

namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>
/// The body of <c>POST</c> and <c>PATCH /api/records/{type}[/{id}]</c>. On PATCH a missing member is left as it is;
/// a property set to null is removed; <c>emails</c>, when given, replaces the contact's addresses.
/// </summary>
public sealed record RecordInput(
    string? Name,
    Guid? OwnerId,
    Dictionary<string, JsonElement>? Properties,
    List<EmailInput>? Emails,
    string? Domain,
    string? Stage,
    string? Status);

public sealed record EmailInput(string? Address, bool Primary);
