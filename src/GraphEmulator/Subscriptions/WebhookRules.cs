using OutlookCrm.GraphEmulator.Endpoints;

namespace OutlookCrm.GraphEmulator.Subscriptions;

/// <summary>
/// What Graph requires of a webhook URL beyond the validation handshake, switched on by a test. Real Graph takes HTTPS
/// only: "This URL must make use of the HTTPS protocol" (learn.microsoft.com graph/api/resources/subscription,
/// notificationUrl; graph/change-notifications-delivery-webhooks), and refuses http with 400 InvalidRequest
/// "NotificationUrl scheme='http' is not supported." (microsoftgraph/microsoft-graph-docs-contrib#7821). The emulator
/// allows http by default, since tests and <c>dotnet run</c> listen on plain loopback.
/// </summary>
public sealed class WebhookRules
{
    private volatile bool _requireHttps;

    public bool RequireHttps
    {
        get => _requireHttps;
        set => _requireHttps = value;
    }

    /// <summary>Graph's refusal of a subscription's URLs, or null when they may be validated.</summary>
    public IResult? Refusal(string notificationUrl, string? lifecycleUrl)
    {
        if (!_requireHttps)
        {
            return null;
        }
        foreach (var (name, url) in new[] { ("NotificationUrl", notificationUrl), ("LifecycleNotificationUrl", lifecycleUrl) })
        {
            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme != Uri.UriSchemeHttps)
            {
                return GraphErrors.Error(StatusCodes.Status400BadRequest, "InvalidRequest", $"{name} scheme='{uri.Scheme}' is not supported.");
            }
        }
        return null;
    }
}
