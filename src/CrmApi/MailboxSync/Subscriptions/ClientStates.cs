using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>
/// A subscription's <c>clientState</c>: our subscription row id, a dot, and 32 random bytes (base64url, 86 characters in
/// all, within Graph's 128). The row id lets the webhook find the subscription even before Graph's id is recorded (a
/// notification can beat the create call's answer); the random part is the secret. Only its SHA-256 is stored, and it
/// is compared in constant time.
/// </summary>
public static class ClientStates
{
    public static string New(Guid subscriptionRowId) => $"{subscriptionRowId:N}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static string Hash(string clientState) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    public static bool TryGetRowId(string? clientState, out Guid rowId)
    {
        rowId = Guid.Empty;
        var dot = clientState?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot == 32 && Guid.TryParseExact(clientState.AsSpan(0, 32), "N", out rowId);
    }

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
}
