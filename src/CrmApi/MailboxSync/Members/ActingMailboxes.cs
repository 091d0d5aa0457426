using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Members;

/// <summary>
/// The one rule for which connected mailboxes a user acts for: their own personal mailbox (by address, or by the Entra
/// object id Graph reported for it) and the team and help-desk mailboxes an admin made them a member of. Only then
/// does the API hand out the id of that mailbox's copy of a message (a reply opens on it, "Log this email" reads it):
/// the id would let the pane open mail of a mailbox Exchange may not even let the rep open.
/// </summary>
public sealed class ActingMailboxes(MailboxStore mailboxes, MailboxMemberStore members)
{
    /// <summary>The mailbox at the user's own address (whatever its kind), or the personal mailbox Graph said is theirs.</summary>
    public static bool IsOwn(CurrentUser user, ConnectedMailbox mailbox) =>
        mailbox.AddressNormalized == EmailAddresses.Normalize(user.Email)
        || (mailbox.Kind == MailboxKinds.Personal && mailbox.OwnerObjectId is { Length: > 0 } owner && owner == user.ObjectId);

    public async Task<bool> MayActForAsync(CurrentUser user, ConnectedMailbox mailbox, CancellationToken ct) =>
        IsOwn(user, mailbox) || (mailbox.Kind != MailboxKinds.Personal && await members.IsMemberAsync(user.AccountId, mailbox.Id, user.UserId, ct));

    /// <summary>The user's own connected mailbox (when it is), then the team and help-desk mailboxes they are a member of.</summary>
    public async Task<IReadOnlyList<ConnectedMailbox>> OfAsync(CurrentUser user, CancellationToken ct)
    {
        var result = new List<ConnectedMailbox>();
        if (await mailboxes.GetByAddressAsync(user.AccountId, EmailAddresses.Normalize(user.Email), ct) is { } own)
        {
            result.Add(own);
        }
        foreach (var id in await members.GetMailboxIdsOfUserAsync(user.AccountId, user.UserId, ct))
        {
            if (await mailboxes.GetByIdAsync(user.AccountId, id, ct) is { Kind: not MailboxKinds.Personal } team && !IsOwn(user, team))
            {
                result.Add(team);
            }
        }
        return result;
    }

    /// <summary>
    /// The connected mailbox an action on a message names (the rep's own when none is named): not connected is a 404
    /// naming <c>mailbox</c>; connected but not one the rep acts for is a 403.
    /// </summary>
    public async Task<Outcome<ConnectedMailbox>> ResolveAsync(CurrentUser user, string? address, CancellationToken ct)
    {
        var own = string.IsNullOrWhiteSpace(address) || EmailAddresses.Normalize(address) == EmailAddresses.Normalize(user.Email);
        var normalized = own ? EmailAddresses.Normalize(user.Email) : EmailAddresses.Normalize(address!);
        if (await mailboxes.GetByAddressAsync(user.AccountId, normalized, ct) is not { } mailbox)
        {
            return Outcome<ConnectedMailbox>.NotFound("mailbox", own
                ? "Your inbox is not connected to OutlookCrm, so the email cannot be read: ask your admin to connect it."
                : "This mailbox is not connected to OutlookCrm: ask your admin to connect it.");
        }
        return await MayActForAsync(user, mailbox, ct)
            ? Outcome<ConnectedMailbox>.Done(mailbox)
            : Outcome<ConnectedMailbox>.Forbidden($"You are not a member of {mailbox.Address} in OutlookCrm: ask your admin to add you to it.");
    }
}
