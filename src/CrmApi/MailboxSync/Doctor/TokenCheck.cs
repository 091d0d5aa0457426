using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// 1. A Graph token can be had, through the same app-only provider the product uses, and Graph takes it; what its
/// <c>roles</c> claim (the application permissions consented in Entra ID) says about reading mail.
/// </summary>
public sealed class TokenCheck(GraphTokens tokens, GraphOptions graph, DoctorSettings settings) : IDoctorCheck
{
    public string Name => "Graph token";

    public async Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct)
    {
        var tenant = visit.Request.TenantId;
        string token;
        try
        {
            token = await tokens.ForTenant(tenant).GetAuthorizationTokenAsync(new Uri(graph.BaseUrl), cancellationToken: ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var (summary, fix) = TokenFailures.Describe(error, tenant, settings);
            return DoctorFinding.Failed(Name, summary, fix);
        }
        try
        {
            visit.GraphDate = visit.Graph is IGraphDiagnostics diagnostics ? await diagnostics.PingAsync(ct) : null;
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status401Unauthorized)
        {
            visit.GraphDate = GraphDate.Of(error.ResponseHeaders);
            return DoctorFinding.Failed(Name, $"Graph refused the token (401: {error.Message}).",
                $"Check that AzureAd:ClientId and the tenant ({tenant}) are the app registration's and the customer's, and that an admin consented: {settings.AdminConsentUrl(tenant)}.");
        }
        catch (ApiException error)
        {
            // Another refusal still means Graph read the token: the mailbox checks below say what it refuses.
            visit.GraphDate = GraphDate.Of(error.ResponseHeaders);
        }
        catch (HttpRequestException error)
        {
            return DoctorFinding.Failed(Name, $"Graph at {graph.BaseUrl} cannot be reached: {error.Message}",
                "Allow outbound HTTPS from the app to graph.microsoft.com and login.microsoftonline.com, and check Graph:BaseUrl (leave it unset for Microsoft Graph).");
        }
        visit.GraphTakesToken = true;
        return DoctorFinding.Ok(Name, settings.Emulator ? "Graph (the emulator) takes the app's token." : $"An app-only token was issued and Graph takes it. {Permissions(Roles(token))}");
    }

    /// <summary>
    /// What the token's roles say about the mailbox permission. Neither is a fault by itself: with Exchange RBAC for
    /// Applications the Entra consent is left out (it would reach every mailbox, permissions adding up), and Exchange
    /// grants Mail.Read; with an application access policy the Entra consent is there and the policy narrows it.
    /// </summary>
    private static string Permissions(IReadOnlyList<string>? roles) => roles switch
    {
        null => "",
        _ when roles.Contains("Mail.Read", StringComparer.Ordinal) =>
            "It carries Mail.Read consented in Entra ID, which reaches every mailbox unless an application access policy narrows it (see the scope check).",
        _ => "It carries no Mail.Read from Entra ID: reading mail rests on Exchange RBAC for Applications (see the mailbox check).",
    };

    /// <summary>The <c>roles</c> claim of a JWT, read without validating it (Graph validates it); null when the token is not a JWT.</summary>
    public static IReadOnlyList<string>? Roles(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return claims.RootElement.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
                ? roles.EnumerateArray().Select(role => role.GetString() ?? "").ToList()
                : [];
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return null;
        }
    }
}
