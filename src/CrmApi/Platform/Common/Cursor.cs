using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// The opaque keyset cursor of a paged list: the last row's sort key and id, bound to the list it came from (the
/// scope, e.g. the record whose timeline is paged) and checked by a digest, so a cursor that was edited, truncated or
/// taken from another list is refused with 400 instead of silently giving a wrong page. It is not a secret: every
/// query is scoped to the caller's account whatever the cursor says.
/// </summary>
public readonly record struct Cursor(string SortKey, Guid Id)
{
    private const char Separator = '\n';
    private const int DigestLength = 8;

    public string Encode(string scope)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join(Separator, ScopeTag(scope), Id.ToString("N"), SortKey));
        var bytes = new byte[payload.Length + DigestLength];
        payload.CopyTo(bytes, 0);
        Digest(payload).CopyTo(bytes.AsSpan(payload.Length));
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, string scope, [NotNullWhen(true)] out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 2048 || !Base64Url.IsValid(text))
        {
            return false;
        }
        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length <= DigestLength)
        {
            return false;
        }
        var payload = bytes.AsSpan(0, bytes.Length - DigestLength);
        if (!CryptographicOperations.FixedTimeEquals(Digest(payload), bytes.AsSpan(bytes.Length - DigestLength)))
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(payload).Split(Separator, 3);
        if (parts.Length != 3 || parts[0] != ScopeTag(scope) || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }
        cursor = new Cursor(parts[2], id);
        return true;
    }

    private static byte[] Digest(ReadOnlySpan<byte> payload) => SHA256.HashData(payload)[..DigestLength];

    // The scope may be any text (a search query among it), so the cursor carries a short hash of it instead.
    private static string ScopeTag(string scope) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)), 0, 8);
}
