namespace OutlookCrm.CrmApi.Email.LoggingSettings;

/// <summary>What is logged of a sent email whose pane never said (no intent, or the launch event's default).</summary>
public static class OutgoingPolicies
{
    /// <summary>Only what the rep chooses in the pane, and replies in a logged thread (the behaviour before policies).</summary>
    public const string Pane = "pane";
    /// <summary>Also any email with a known contact among its external recipients.</summary>
    public const string KnownContacts = "knownContacts";
    /// <summary>Also any email with an external recipient (logged to the contacts it has, or makes by <c>createContacts</c>).</summary>
    public const string AnyExternal = "anyExternal";

    public static readonly IReadOnlyList<string> All = [Pane, KnownContacts, AnyExternal];
}

/// <summary>What is logged of a received email.</summary>
public static class IncomingPolicies
{
    public const string None = "none";
    /// <summary>Replies and forwards in a logged thread (the behaviour before policies).</summary>
    public const string Replies = "replies";
    /// <summary>Also any email from a known external contact.</summary>
    public const string KnownContacts = "knownContacts";

    public static readonly IReadOnlyList<string> All = [None, Replies, KnownContacts];
}

/// <summary>Which of the matched contacts' open deals and tickets an email logged by policy also goes to.</summary>
public static class AssociationRules
{
    public const string None = "none";
    /// <summary>The most recently changed open deal and open ticket of each contact.</summary>
    public const string MostRecentOpen = "mostRecentOpen";
    public const string AllOpen = "allOpen";

    public static readonly IReadOnlyList<string> All = [None, MostRecentOpen, AllOpen];
}

/// <summary>The account's logging settings, each with its default when never set.</summary>
public sealed record AccountLoggingSettings
{
    public string CreateContacts { get; init; } = CreateContactsPolicies.Off;
    public string Outgoing { get; init; } = OutgoingPolicies.Pane;
    public string Incoming { get; init; } = IncomingPolicies.Replies;
    public string Associations { get; init; } = AssociationRules.MostRecentOpen;
    /// <summary>Whether a user's own outgoing and incoming choice replaces the account's.</summary>
    public bool UsersMayOverride { get; init; }
}

/// <summary>A user's own choice (null: the account's).</summary>
public sealed record UserLoggingOverride(string? Outgoing, string? Incoming);

/// <summary>The policy that applies to one user's mail (or a mailbox no user owns), and where each part came from.</summary>
public sealed record LoggingPolicy(string Outgoing, string Incoming, string Associations, bool FromUser)
{
    /// <summary>What <c>loggedBecause</c> calls it: "account policy outgoing=knownContacts" or "user policy …".</summary>
    public string Name(bool outgoing) => $"{(FromUser ? "user" : "account")} policy {(outgoing ? $"outgoing={Outgoing}" : $"incoming={Incoming}")}";
}
