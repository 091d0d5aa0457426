namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// Message properties Exchange reads from the internet headers when it stores a message, as [MS-OXCMAIL] specifies
/// (learn.microsoft.com openspecs/exchange_server_protocols/ms-oxcmail).
/// </summary>
public static class HeaderFacts
{
    /// <summary>
    /// PidTagImportance, Graph's importance, by [MS-OXCMAIL] 2.2.3.2.5: the Importance header (Low, Normal, High), and
    /// only without it Priority (Non-Urgent, Normal, Urgent), X-Priority (5 and 4 low, 3 normal, 2 and 1 high) or
    /// X-MSMail-Priority (Low, Normal, High).
    /// </summary>
    public static string Importance(IReadOnlyList<Header> headers)
    {
        string? Value(string name) => headers.FirstOrDefault(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Trim();
        var importance = Value("Importance")?.ToLowerInvariant() switch
        {
            "low" => "low",
            "normal" => "normal",
            "high" => "high",
            _ => null,
        };
        return importance ?? Value("Priority")?.ToLowerInvariant() switch
        {
            "non-urgent" => "low",
            "urgent" => "high",
            "normal" => "normal",
            _ => Value("X-Priority") is { Length: > 0 } priority ? XPriority(priority[0]) : Value("X-MSMail-Priority")?.ToLowerInvariant() switch
            {
                "low" => "low",
                "high" => "high",
                _ => "normal",
            },
        };
    }

    // The two receipts: [MS-OXCMAIL] writes each header from its property; reading a message, the header sets the property.

    /// <summary>isReadReceiptRequested: a Disposition-Notification-To header ([MS-OXCMAIL] 2.1.3.1.6, RFC 8098 §2.1).</summary>
    public static bool ReadReceiptRequested(IReadOnlyList<Header> headers) => Has(headers, "Disposition-Notification-To");

    /// <summary>isDeliveryReceiptRequested: the (nonstandard) Return-Receipt-To header ([MS-OXCMAIL] 2.1.3.1.5).</summary>
    public static bool DeliveryReceiptRequested(IReadOnlyList<Header> headers) => Has(headers, "Return-Receipt-To");

    private static string XPriority(char level) => level switch
    {
        '1' or '2' => "high",
        '4' or '5' => "low",
        _ => "normal",
    };

    private static bool Has(IReadOnlyList<Header> headers, string name) =>
        headers.Any(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
