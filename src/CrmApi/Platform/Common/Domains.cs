using System.Diagnostics.CodeAnalysis;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>Company domains: host names like <c>contoso.com</c>, stored lower-case without scheme, www or path.</summary>
public static class Domains
{
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var host = value.Trim().ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        if (host.Length > 253 || Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        normalized = host;
        return true;
    }
}
