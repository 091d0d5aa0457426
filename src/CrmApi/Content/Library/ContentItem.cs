using System.Text.Json.Serialization;

namespace OutlookCrm.CrmApi.Content.Library;

public static class ContentKinds
{
    public const string Template = "template";
    public const string Snippet = "snippet";
    public const string Document = "document";
    public const string Meeting = "meeting";
    public const string Quote = "quote";
    public const string KnowledgeBase = "kb";

    public static readonly IReadOnlyList<string> All = [Template, Snippet, Document, Meeting, Quote, KnowledgeBase];

    /// <summary>The kinds whose subject and body are personalised with tokens.</summary>
    public static bool IsPersonalised(string kind) => kind is Template or Snippet or Meeting;
}

public static class ContentSharing
{
    public const string Private = "private";
    public const string Team = "team";
    public const string Everyone = "everyone";

    public static readonly IReadOnlyList<string> All = [Private, Team, Everyone];
}

/// <summary>A row of content_items.</summary>
public sealed record ContentRow
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public string? Subject { get; init; }
    public string? BodyHtml { get; init; }
    public string? Url { get; init; }
    /// <summary>Kind-specific fields as JSON: a quote's lines, currency and expiry; a document's file.</summary>
    public required string Details { get; init; }
    public Guid? DealId { get; init; }
    public string? PublicToken { get; init; }
    public required Guid OwnerUserId { get; init; }
    public required string Sharing { get; init; }
    public Guid? TeamId { get; init; }
    public required Guid CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required Guid UpdatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Read from the joined users table.</summary>
    public string OwnerName { get; init; } = "";
    /// <summary>Read from content_files: whether a file is attached.</summary>
    public bool HasFile { get; init; }
}

public sealed record QuoteLine(string Name, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}

/// <summary>A quote on a deal: its lines, currency, expiry and total (computed, never sent by the caller).</summary>
public sealed record QuoteDetails(string Currency, IReadOnlyList<QuoteLine> LineItems, DateTimeOffset ExpiresAt)
{
    public decimal Total => LineItems.Sum(line => line.Amount);
}

public sealed record ContentOwner(Guid Id, string Name);

public sealed record ContentResponse(
    Guid Id,
    string Kind,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BodyHtml,
    // The link the email carries: the item's URL, a quote's public page, a document's file.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    string Sharing,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? TeamId,
    ContentOwner Owner,
    bool Mine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QuoteResponse? Quote,
    bool HasFile,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    Guid UpdatedBy,
    DateTimeOffset UpdatedAt);

public sealed record QuoteResponse(Guid DealId, string Currency, IReadOnlyList<QuoteLine> LineItems, decimal Total, DateTimeOffset ExpiresAt);

public sealed record ContentPage(IReadOnlyList<ContentResponse> Items, string? NextCursor);
