using System.Text.Json;

namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>A library item the rep put into an email, as it was named then (the item may change or go later).</summary>
public sealed record InsertedItem(string Kind, string Name)
{
    /// <summary>How the timeline names it: "Template: Pricing follow-up".</summary>
    public string Label => $"{KindLabel}: {Name}";

    // The content library's kinds as a rep reads them (Content.ContentKinds names the same six).
    private string KindLabel => Kind switch
    {
        "template" => "Template",
        "snippet" => "Snippet",
        "document" => "Document",
        "meeting" => "Meeting link",
        "quote" => "Quote",
        _ => "Knowledge base",
    };
}

/// <summary>The JSON form inserted items are kept in, on log intents and emails.</summary>
public static class InsertedItems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? ToJson(IReadOnlyList<InsertedItem>? items) => items is { Count: > 0 } ? JsonSerializer.Serialize(items, Json) : null;

    public static IReadOnlyList<InsertedItem> FromJson(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<InsertedItem>>(json, Json) ?? [];
}
