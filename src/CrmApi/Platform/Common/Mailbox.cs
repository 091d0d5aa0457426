namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>A person's address with the display name beside it, as a message header gives it (RFC 5322's "mailbox").</summary>
public sealed record Mailbox(string Address, string? Name);
