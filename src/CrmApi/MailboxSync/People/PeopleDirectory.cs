using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.People;

/// <summary>A mailbox of a person: <c>owner</c> when it is their own, <c>connectedBy</c> when they connected it (a team's).</summary>
public sealed record PersonMailbox(Guid Id, string Address, string Kind, string Relation);

/// <summary>
/// One user as the admin console shows them. <c>Roles</c> are those of the token they last used (the API keeps no
/// other record of roles: they are assigned in Entra ID); <c>LastSeenAt</c> is accurate to <see cref="LastSeen.Every"/>.
/// </summary>
public sealed record PersonResponse(
    Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, DateTimeOffset? LastSeenAt, DateTimeOffset FirstSeenAt, IReadOnlyList<PersonMailbox> Mailboxes);

public sealed record PeoplePage(IReadOnlyList<PersonResponse> Items, string? NextCursor);

/// <summary>The account's users who signed in, a page at a time by name, each with the mailboxes they own or connected.</summary>
public sealed class PeopleDirectory(AccountStore accounts, MailboxStore mailboxes)
{
    private const string Scope = "people";

    public async Task<Outcome<PeoplePage>> PageAsync(CurrentUser user, string? cursor, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Paging.TryLimit(limit, errors, out var pageSize);
        Cursor? after = null;
        if (cursor is not null && !Cursor.TryDecode(cursor, Scope, out after))
        {
            errors.Add("cursor", "The cursor is not one this list gave out.");
        }
        if (errors.Any)
        {
            return Outcome<PeoplePage>.Invalid(errors);
        }
        var rows = await accounts.GetPeoplePageAsync(user.AccountId, after?.SortKey, after?.Id ?? Guid.Empty, pageSize + 1, ct);
        var people = rows.Take(pageSize).ToList();
        var owned = await mailboxes.GetManyOfPeopleAsync(user.AccountId, people.Select(person => person.Id).ToList(), people.Select(person => person.ObjectId).ToList(), ct);
        var items = people.Select(person => new PersonResponse(
            person.Id, person.DisplayName, person.Email, LastSeen.Roles(person.LastRoles), person.LastSeenAt, person.CreatedAt,
            owned.Where(mailbox => mailbox.OwnerObjectId == person.ObjectId || mailbox.ConnectedByUserId == person.Id)
                .Select(mailbox => new PersonMailbox(mailbox.Id, mailbox.Address, mailbox.Kind, mailbox.OwnerObjectId == person.ObjectId ? "owner" : "connectedBy"))
                .ToList())).ToList();
        var next = rows.Count > pageSize ? new Cursor(people[^1].DisplayName, people[^1].Id).Encode(Scope) : null;
        return Outcome<PeoplePage>.Done(new PeoplePage(items, next));
    }
}
