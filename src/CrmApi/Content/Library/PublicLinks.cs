using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>
/// A new public link for a quote or a document (<c>POST /api/content/{id}/rotate-link</c>): the old token stops working
/// at once (404), for a link forwarded where it should not have gone. Its owner rotates it, as they change it; so does an
/// admin, because a leaked link is an incident and the owner may be away. Either only among the items they can see: a
/// private item of someone else stays 404, to an admin too, as its content does.
/// </summary>
public sealed class PublicLinks(ContentStore store, ContentLibrary library, TimeProvider clock)
{
    public async Task<Outcome<ContentResponse>> RotateAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var current = await store.GetVisibleAsync(user.AccountId, user.UserId, id, ct);
        if (current is null)
        {
            return Outcome<ContentResponse>.NotFound("id", "There is no content item with this id.");
        }
        if (current.OwnerUserId != user.UserId && !user.IsAdmin)
        {
            return Outcome<ContentResponse>.Forbidden("Only its owner or an admin gives this item a new link.");
        }
        if (current.PublicToken is null)
        {
            return Outcome<ContentResponse>.Invalid("id", "Only a quote or a document has a public link.");
        }
        var rotated = current with { PublicToken = ContentLibrary.NewPublicToken(), UpdatedBy = user.UserId, UpdatedAt = clock.GetUtcNow() };
        return await store.RotatePublicTokenAsync(rotated, ct)
            ? Outcome<ContentResponse>.Done(library.ToResponse(rotated, user))
            : Outcome<ContentResponse>.NotFound("id", "There is no content item with this id.");
    }
}
