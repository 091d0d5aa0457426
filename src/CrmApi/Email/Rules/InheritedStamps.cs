using OutlookCrm.CrmApi.Email.Outcomes;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// A tracking stamp a message did not get for itself. Classic Outlook on Windows starts a forward with the parent's
/// add-in custom properties and keeps them on its Sent Items copy when the add-in saved any (learn.microsoft.com
/// office/dev/add-ins/outlook/metadata-for-an-outlook-add-in, "Platform behavior in messages"), and an add-in that keeps
/// the id it finds writes it in the header too: the forward then carries the id of the email it forwards. A tracking id
/// is one email's (DESIGN.md §2): once it was decided for one Internet Message-ID, another message carrying it is not
/// that email — no sighting of it, no use of its intent (nor of its <c>log:false</c>) — but a forward of it, logged on its
/// own merits and under its own identity, with the email the stamp names as its parent.
/// </summary>
public sealed class InheritedStamps(OutcomeStore outcomes)
{
    /// <summary>The Internet Message-ID of the email the stamp was first decided for, when it is not this message; else null.</summary>
    public async Task<string?> ParentAsync(Guid accountId, string trackingId, string internetMessageId, CancellationToken ct) =>
        (await outcomes.GetOutcomesAsync(accountId, null, trackingId, ct))
            .Select(outcome => outcome.InternetMessageId)
            .FirstOrDefault(decided => !decided.Equals(internetMessageId, StringComparison.Ordinal));
}
