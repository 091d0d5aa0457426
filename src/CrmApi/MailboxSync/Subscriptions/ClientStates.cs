using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>
/// A subscription's <c>clientState</c>: the signing key's id, our subscription row id and an HMAC-SHA256 of that row id
/// under the server's key (<c>kkkkkkkk.rrrr…32….mac…43…</c>, 85 characters, within Graph's 128). The webhook checks an
/// item by computation alone, so a forged item costs no database read; only then is the row looked up (the row id lets
/// it be found before Graph's id is recorded, as a notification can beat the create call's answer). The row also keeps
/// the state's SHA-256, compared in constant time, as a second check.
/// </summary>
public sealed class ClientStates(ClientStateKeys keys)
{
    public const int Length = KeyIdLength + 1 + 32 + 1 + MacLength;
    private const int KeyIdLength = 8;
    private const int MacLength = 43;

    public string CurrentKeyId => keys.CurrentId;

    public string New(Guid subscriptionRowId) => $"{keys.CurrentId}.{subscriptionRowId:N}.{Mac(keys.Current, subscriptionRowId)}";

    /// <summary>The row id the state names, when the state is one this server signed (with the current key or a previous one).</summary>
    public bool TryVerify(string? clientState, out Guid rowId)
    {
        rowId = Guid.Empty;
        if (clientState is not { Length: Length } || clientState[KeyIdLength] != '.' || clientState[KeyIdLength + 33] != '.'
            || !keys.TryGet(clientState[..KeyIdLength], out var key)
            || !Guid.TryParseExact(clientState.AsSpan(KeyIdLength + 1, 32), "N", out var named))
        {
            return false;
        }
        // The whole state against the one this server would make: one spelling only (no upper-case hex twin).
        var expected = Encoding.ASCII.GetBytes($"{clientState[..KeyIdLength]}.{named:N}.{Mac(key, named)}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(clientState), expected))
        {
            return false;
        }
        rowId = named;
        return true;
    }

    public static string Hash(string clientState) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    public static bool Matches(string? clientState, string storedHash)
    {
        if (clientState is null || storedHash.Length != 64)
        {
            return false;
        }
        var expected = Convert.FromHexString(storedHash);
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(clientState));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Mac(byte[] key, Guid rowId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"outlookcrm-client-state:{rowId:N}")));
}
