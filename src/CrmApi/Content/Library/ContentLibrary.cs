using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Content.Library;

/// <summary>
/// Creates, changes, deletes and lists the content library: everyone reads what is shared with them; only the owner
/// changes or deletes an item (a teammate gets 403, another account 404). Quotes and documents get an unguessable
/// public token: the link a customer opens.
/// </summary>
public sealed class ContentLibrary(ContentStore store, RecordStore records, IConfiguration configuration, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string PublicBaseUrl => (configuration["App:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');

    public async Task<Outcome<ContentResponse>> CreateAsync(CurrentUser user, ContentInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var valid = ContentValidator.Validate(input, clock.GetUtcNow(), errors);
        if (valid is null)
        {
            return Outcome<ContentResponse>.Invalid(errors);
        }
        if (await CheckReferencesAsync(user, valid, ct) is { } missing)
        {
            return missing;
        }
        var now = clock.GetUtcNow();
        var row = new ContentRow
        {
            Id = clock.NewId(),
            AccountId = user.AccountId,
            Kind = valid.Kind,
            Name = valid.Name,
            Subject = valid.Subject,
            BodyHtml = valid.BodyHtml,
            Url = valid.Url,
            Details = DetailsOf(valid),
            DealId = valid.DealId,
            PublicToken = valid.Kind is ContentKinds.Quote or ContentKinds.Document ? NewPublicToken() : null,
            OwnerUserId = user.UserId,
            Sharing = valid.Sharing,
            TeamId = valid.TeamId,
            CreatedBy = user.UserId,
            CreatedAt = now,
            UpdatedBy = user.UserId,
            UpdatedAt = now,
            OwnerName = user.DisplayName,
        };
        await store.CreateAsync(row, ct);
        return Outcome<ContentResponse>.Done(ToResponse(row, user));
    }

    public async Task<Outcome<ContentResponse>> UpdateAsync(CurrentUser user, Guid id, ContentInput input, CancellationToken ct)
    {
        var current = await store.GetVisibleAsync(user.AccountId, user.UserId, id, ct);
        if (current is null)
        {
            return Outcome<ContentResponse>.NotFound("id", "There is no content item with this id.");
        }
        if (current.OwnerUserId != user.UserId)
        {
            return Outcome<ContentResponse>.Forbidden("Only its owner changes this item; make a copy of your own instead.");
        }
        if (input.Kind is { } kind && kind.Trim() != current.Kind)
        {
            return Outcome<ContentResponse>.Invalid("kind", "The kind of an item does not change: create a new one.");
        }
        var quote = current.Kind == ContentKinds.Quote ? JsonSerializer.Deserialize<QuoteDetails>(current.Details, Json) : null;
        var sharingChanged = input.Sharing is not null;
        var merged = new ContentInput(
            current.Kind,
            input.Name ?? current.Name,
            input.Subject ?? current.Subject,
            input.BodyHtml ?? current.BodyHtml,
            input.Url ?? current.Url,
            input.Sharing ?? current.Sharing,
            sharingChanged ? input.TeamId : input.TeamId ?? current.TeamId,
            input.DealId ?? current.DealId,
            input.Quote ?? (quote is null ? null : new QuoteInput(quote.Currency, quote.LineItems.Select(line => new QuoteLineInput(line.Name, line.Quantity, line.UnitPrice)).ToList(), quote.ExpiresAt)));
        var errors = new ValidationErrors();
        // A quote whose lines are not being changed keeps its expiry as it is, even when that has passed.
        var expiryCheckedFrom = input.Quote is null && quote is not null ? DateTimeOffset.MinValue : clock.GetUtcNow();
        var valid = ContentValidator.Validate(merged, expiryCheckedFrom, errors);
        if (valid is null)
        {
            return Outcome<ContentResponse>.Invalid(errors);
        }
        if (await CheckReferencesAsync(user, valid, ct) is { } missing)
        {
            return missing;
        }
        var updated = current with
        {
            Name = valid.Name,
            Subject = valid.Subject,
            BodyHtml = valid.BodyHtml,
            Url = valid.Url,
            Details = DetailsOf(valid),
            DealId = valid.DealId,
            Sharing = valid.Sharing,
            TeamId = valid.TeamId,
            UpdatedBy = user.UserId,
            UpdatedAt = clock.GetUtcNow(),
        };
        return await store.UpdateAsync(updated, ct)
            ? Outcome<ContentResponse>.Done(ToResponse(updated, user))
            : Outcome<ContentResponse>.NotFound("id", "There is no content item with this id.");
    }

    /// <summary>The deleted item's id, or why it was not deleted (not there, or someone else's).</summary>
    public async Task<Outcome<Guid>> DeleteAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var current = await store.GetVisibleAsync(user.AccountId, user.UserId, id, ct);
        if (current is not null && current.OwnerUserId != user.UserId)
        {
            return Outcome<Guid>.Forbidden("Only its owner deletes this item.");
        }
        return current is not null && await store.DeleteAsync(user.AccountId, user.UserId, id, ct)
            ? Outcome<Guid>.Done(id)
            : Outcome<Guid>.NotFound("id", "There is no content item with this id.");
    }

    public async Task<ContentResponse?> GetAsync(CurrentUser user, Guid id, CancellationToken ct) =>
        await store.GetVisibleAsync(user.AccountId, user.UserId, id, ct) is { } row ? ToResponse(row, user) : null;

    public async Task<ContentPage> SearchAsync(CurrentUser user, string? kind, string? query, Cursor? after, int limit, string scope, CancellationToken ct)
    {
        var contains = query is null ? null : $"%{SqlLike.Escape(query)}%";
        var rows = await store.SearchAsync(user.AccountId, user.UserId, kind, contains, after is { } a ? (a.SortKey, a.Id) : null, limit + 1, ct);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new Cursor(page[^1].Name, page[^1].Id).Encode(scope) : null;
        return new ContentPage(page.Select(row => ToResponse(row, user)).ToList(), next);
    }

    public ContentResponse ToResponse(ContentRow row, CurrentUser user)
    {
        var quote = row.Kind == ContentKinds.Quote ? JsonSerializer.Deserialize<QuoteDetails>(row.Details, Json) : null;
        return new ContentResponse(
            row.Id, row.Kind, row.Name, row.Subject, row.BodyHtml, LinkOf(row), row.Sharing, row.TeamId,
            new ContentOwner(row.OwnerUserId, row.OwnerName), row.OwnerUserId == user.UserId,
            quote is null ? null : new QuoteResponse(row.DealId!.Value, quote.Currency, quote.LineItems, quote.Total, quote.ExpiresAt),
            row.HasFile, row.CreatedBy, row.CreatedAt, row.UpdatedBy, row.UpdatedAt);
    }

    /// <summary>The link the email carries: a quote's public page, a document's file when it has no address of its own.</summary>
    public string? LinkOf(ContentRow row) => row.Kind switch
    {
        ContentKinds.Quote => $"{PublicBaseUrl}{PublicContent.QuotePath}/{row.PublicToken}",
        ContentKinds.Document when row.Url is null && row.HasFile => $"{PublicBaseUrl}{PublicContent.FilePath}/{row.PublicToken}",
        _ => row.Url,
    };

    private async Task<Outcome<ContentResponse>?> CheckReferencesAsync(CurrentUser user, ValidContent valid, CancellationToken ct)
    {
        // Sharing with a team the owner is in: a rep cannot push content into a team they do not belong to.
        if (valid.TeamId is { } teamId && !await store.IsTeamMemberAsync(user.AccountId, teamId, user.UserId, ct))
        {
            return Outcome<ContentResponse>.NotFound("teamId", "You are not a member of a team with this id.");
        }
        if (valid.DealId is { } dealId && (await records.GetByIdAsync(user.AccountId, dealId, ct))?.TypeName != BuiltinTypes.Deal)
        {
            return Outcome<ContentResponse>.NotFound("dealId", "There is no deal with this id.");
        }
        return null;
    }

    private static string DetailsOf(ValidContent valid) => valid.Quote is null ? "{}" : JsonSerializer.Serialize(valid.Quote, Json);

    /// <summary>24 random bytes: the only way to a public quote page or file.</summary>
    public static string NewPublicToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
}
