namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>
/// Graph's two REST id formats of one message: the immutable one, answered when the request carries
/// <c>Prefer: IdType="ImmutableId"</c>, and the default one otherwise — "This header only applies to the request it is
/// included with" (learn.microsoft.com/graph/outlook-immutable-id); the formats are <c>restImmutableEntryId</c> and
/// <c>restId</c> of exchangeIdFormat (learn.microsoft.com/graph/api/user-translateexchangeids). The emulator's ids are
/// immutable ones; the default form of each is derived from it, and a message is found by either.
/// </summary>
public static class RestIdFormats
{
    private const string ImmutablePrefix = "AAMk";
    private const string DefaultPrefix = "AQMk";

    public static bool WantsImmutable(HttpRequest request) =>
        request.Headers["Prefer"].Any(value => value?.Contains("IdType=\"ImmutableId\"", StringComparison.OrdinalIgnoreCase) == true);

    public static string Default(string immutableId) =>
        immutableId.StartsWith(ImmutablePrefix, StringComparison.Ordinal) ? DefaultPrefix + immutableId[ImmutablePrefix.Length..] : immutableId;

    public static string Immutable(string id) =>
        id.StartsWith(DefaultPrefix, StringComparison.Ordinal) ? ImmutablePrefix + id[DefaultPrefix.Length..] : id;
}
