using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>Why Graph would not create a subscription, in words for IT, and the exact fix.</summary>
public sealed record SubscriptionFailure(string Title, string Detail, string Fix);

/// <summary>
/// Graph's refusals of <c>POST /subscriptions</c>, told apart by status, code and message, so that a connect, a
/// mailbox's health and the doctor say the same thing. Validation texts as Graph words them
/// (learn.microsoft.com graph/change-notifications-delivery-webhooks, "notificationUrl validation"; the samples' issues
/// in /work/shared/research/graph-webhooks.md §1.3); the http refusal as microsoft-graph-docs-contrib#7821 quotes it.
/// </summary>
public static partial class SubscriptionFailures
{
    /// <summary>What must not stand in front of the webhook: each of these answers Graph's validation POST in the app's place.</summary>
    public const string InFront =
        "/webhooks/graph and /webhooks/graph/lifecycle must be reachable anonymously over HTTPS and answered by the app itself: "
        + "no App Service Authentication (Easy Auth) on them, no IP restrictions that leave out Microsoft Graph, no WAF or proxy rule, "
        + "no redirect (HTTP to HTTPS, or to a sign-in page), and no cold start over 10 s (App Service: Always On)";

    private const string CheckBaseUrl = "check that App:PublicBaseUrl is this deployment's public https:// address (the webhook is App:PublicBaseUrl + /webhooks/graph)";

    private const string Doctor = "then run `dotnet CrmApi.dll doctor --mailbox <address>`, which creates a test subscription and says what Graph answered";

    /// <summary>The failure in words, or null when <paramref name="error"/> is not a refusal this knows.</summary>
    public static SubscriptionFailure? Describe(Exception error)
    {
        if (error is not ApiException api)
        {
            return null;
        }
        var code = (api as ODataError)?.Error?.Code ?? "";
        var message = (api as ODataError)?.Error?.Message ?? api.Message;
        var said = $"Graph answered {api.ResponseStatusCode}{(code.Length > 0 ? $" {code}" : "")}: \"{message}\".";
        if (message.Contains("scheme='http'", StringComparison.OrdinalIgnoreCase) || message.Contains("must be HTTPS", StringComparison.OrdinalIgnoreCase))
        {
            return new("Graph takes only an HTTPS webhook URL", said,
                "Set App:PublicBaseUrl to the deployment's https:// address, with a certificate from a public certificate authority (Graph refuses self-signed ones).");
        }
        if (code.Equals("ValidationError", StringComparison.OrdinalIgnoreCase) || message.StartsWith("Subscription validation request", StringComparison.OrdinalIgnoreCase))
        {
            return Validation(message, said);
        }
        if (api.ResponseStatusCode == 403)
        {
            return new("Microsoft 365 does not let the app subscribe to this mailbox", said,
                "Give the app Exchange's \"Application Mail.Read\" role over this mailbox (RBAC for Applications, or add the mailbox to the application access policy's group); "
                + $"a change takes up to 2 hours to apply; {Doctor}.");
        }
        if (api.ResponseStatusCode == 401)
        {
            return new("Graph refused the app's token", said,
                $"Check AzureAd:ClientId, AzureAd:TenantId and AzureAd:ClientCredentials, and that an admin of the tenant has consented; {Doctor}.");
        }
        if (MaxLifetime(message) is { } minutes)
        {
            return new("Graph refuses the subscription lifetime", said,
                $"Set Graph:SubscriptionLifetimeMinutes to at most {minutes.ToString(CultureInfo.InvariantCulture)} (and Graph:RenewBeforeMinutes well below it).");
        }
        return null;
    }

    /// <summary>The longest lifetime Graph said it allows ("Subscription expiration can only be 10080 minutes in the future."), if it said.</summary>
    public static int? MaxLifetime(string message) =>
        LifetimeLimit().Match(message) is { Success: true } match && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? minutes : null;

    private static SubscriptionFailure Validation(string message, string said)
    {
        if (message.Contains("timed out", StringComparison.OrdinalIgnoreCase))
        {
            return new("Graph's validation call to the webhook timed out", $"{said} Graph waits about 10 s for the validation token to be echoed.",
                $"Make /webhooks/graph answer within 10 s: keep the app warm (App Service: Always On), and nothing slow in front of it; {CheckBaseUrl}.");
        }
        if (message.Contains("exactly match", StringComparison.OrdinalIgnoreCase))
        {
            return new("Something changed the webhook's validation answer on its way to Graph", said,
                $"The app echoes the token as text/plain; a proxy, WAF or middleware in front of /webhooks/graph rewrote it. {InFront}; {CheckBaseUrl}.");
        }
        return new("Graph could not validate the webhook URL", $"{said} Graph posts a validation token to the webhook and needs it echoed with 200 OK.",
            $"{InFront}; {CheckBaseUrl}.");
    }

    [GeneratedRegex(@"can only be (\d+) minutes", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LifetimeLimit();
}
