using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.CrmApi.Privacy.Erasure;

/// <summary>
/// How an erased address is remembered and shown. The suppression list keeps SHA-256 of "account id:address": enough
/// to recognise the address when it comes back, without storing it, and different for every account.
/// </summary>
public static class ErasedAddresses
{
    /// <summary>What stands where an erased participant's address was; .invalid never delivers (RFC 2606).</summary>
    public const string RedactedAddress = "erased@redacted.invalid";

    /// <summary>What replaces the address in a subject, body or preview.</summary>
    public const string RedactedText = "[erased]";

    public static string Hash(Guid accountId, string normalizedAddress) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId:D}:{normalizedAddress}")));

    /// <summary>The normalised column of a redacted participant: unique per erased address, never an address.</summary>
    public static string RedactedNormalized(string hash) => $"erased:{hash}";
}
