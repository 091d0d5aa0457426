using System.Globalization;
using System.Text.Json.Nodes;
using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;
using OutlookCrm.GraphEmulator.Subscriptions;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>Graph's <c>/subscriptions</c>: create (after the validation handshake), list, read, renew, delete.</summary>
public static class SubscriptionEndpoints
{
    public const string TenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";
    // The app and the principal that created the subscription (read-only applicationId and creatorId).
    private const string ApplicationId = "00000000-0000-0000-0000-0000000e3a1a";
    private const string CreatorId = "a7e54f1c-3c51-4d37-9a4b-0c2b6e3e7a10";

    // Optional properties of the subscription resource (learn.microsoft.com graph/api/resources/subscription) that
    // the emulator takes and echoes without acting on them.
    private static readonly string[] EchoedOptions =
        ["notificationQueryOptions", "notificationContentType", "encryptionCertificate", "encryptionCertificateId", "notificationUrlAppId"];

    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(45);

    public static RouteGroupBuilder MapSubscriptions(this RouteGroupBuilder graph)
    {
        graph.MapPost("/subscriptions", CreateAsync);
        graph.MapGet("/subscriptions", List);
        graph.MapGet("/subscriptions/{id}", (string id, SubscriptionStore store) =>
            store.Find(id) is { } subscription ? Results.Json(ToJson(subscription)) : NotFound(id));
        graph.MapPatch("/subscriptions/{id}", RenewAsync);
        graph.MapDelete("/subscriptions/{id}", (string id, SubscriptionStore store) => store.Remove(id) ? Results.NoContent() : NotFound(id));
        return graph;
    }

    /// <summary>
    /// The app's subscriptions, paged as Graph pages them: <c>@odata.nextLink</c> while more remain
    /// (learn.microsoft.com graph/api/subscription-list, graph/paging). The skip token is the last id served, in id
    /// order, so a subscription created or deleted between two pages moves no other across the page boundary.
    /// </summary>
    private static IResult List(HttpRequest request, SubscriptionStore store, FaultState faults)
    {
        var after = request.Query["$skiptoken"].ToString();
        var rest = store.Active().Where(subscription => string.CompareOrdinal(subscription.Id, after) > 0).OrderBy(subscription => subscription.Id, StringComparer.Ordinal).ToList();
        var page = faults.SubscriptionPageSize > 0 ? rest.Take(faults.SubscriptionPageSize).ToList() : rest;
        var body = new Dictionary<string, object?>
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscriptions",
            ["value"] = page.Select(ToJson).ToList(),
        };
        if (page.Count < rest.Count)
        {
            body["@odata.nextLink"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?$skiptoken={Uri.EscapeDataString(page[^1].Id)}";
        }
        return Results.Json(body);
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, SubscriptionStore store, MailStore mailboxes, SubscriptionValidator validator, EmulatorOptions options, AccessPolicy access, TimeProvider clock,
        CancellationToken ct)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        string? Text(string name) => body?[name]?.GetValue<string>();
        var (changeType, notificationUrl, resource, clientState) = (Text("changeType"), Text("notificationUrl"), Text("resource"), Text("clientState"));
        if (changeType is null || notificationUrl is null || resource is null || Text("expirationDateTime") is not { } expiration)
        {
            return Invalid("changeType, notificationUrl, resource and expirationDateTime are required.");
        }
        if (clientState?.Length > 128)
        {
            return Invalid("clientState must be at most 128 characters.");
        }
        var includeResourceData = body?["includeResourceData"]?.GetValue<bool>();
        if (includeResourceData == true)
        {
            // Rich notifications need the encrypted resource data and its certificate, which the emulator does not do.
            return Invalid("The emulator sends change notifications without resource data only (includeResourceData must be false or absent).");
        }
        if (SubscriptionStore.ParseResource(resource) is not { } target || mailboxes.Find(target.User) is not { } mailbox)
        {
            return GraphErrors.Error(StatusCodes.Status404NotFound, "ResourceNotFound", "Resource not found for the segment.");
        }
        if (!access.AllowsSubscription(mailbox))
        {
            // A subscription is a read of the mailbox: the app's scope applies to it as to its messages.
            return AccessPolicyGate.Denied();
        }
        if (target.Folder is { } folder && WellKnownFolders.Normalize(folder) is null)
        {
            return GraphErrors.Error(StatusCodes.Status404NotFound, "ErrorInvalidIdMalformed", "The folder is not a well-known folder of the emulator.");
        }
        if (Lifetime(expiration, options, clock) is not { } expiresAt)
        {
            return Invalid($"Subscription expiration can only be {options.MaxSubscriptionMinutes} minutes in the future.");
        }
        var lifecycleUrl = Text("lifecycleNotificationUrl");
        string[] urls = lifecycleUrl is null ? [notificationUrl] : [notificationUrl, lifecycleUrl];
        foreach (var url in urls)
        {
            if (await validator.FailureAsync(url, ct) is { } failure)
            {
                return GraphErrors.Error(StatusCodes.Status400BadRequest, "ValidationError", failure);
            }
        }
        var subscription = new EmulatedSubscription
        {
            Id = Guid.NewGuid().ToString("D"),
            Resource = resource,
            ChangeType = changeType,
            NotificationUrl = notificationUrl,
            LifecycleNotificationUrl = lifecycleUrl,
            ClientState = clientState,
            MailboxId = mailbox.Id,
            Folder = target.Folder is null ? null : WellKnownFolders.Normalize(target.Folder),
            TenantId = TenantId,
            ExpirationDateTime = expiresAt,
            Options = EchoedOptions.Append("latestSupportedTlsVersion").Where(name => Text(name) is not null).ToDictionary(name => name, name => Text(name)!),
            IncludeResourceData = includeResourceData,
        };
        store.Add(subscription);
        return Results.Json(ToJson(subscription), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RenewAsync(string id, HttpRequest request, SubscriptionStore store, EmulatorOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (store.Find(id) is not { } subscription)
        {
            return NotFound(id);
        }
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        if (body?["expirationDateTime"]?.GetValue<string>() is not { } expiration || Lifetime(expiration, options, clock) is not { } expiresAt)
        {
            return Invalid($"Subscription expiration can only be {options.MaxSubscriptionMinutes} minutes in the future.");
        }
        subscription.ExpirationDateTime = expiresAt;
        return Results.Json(ToJson(subscription));
    }

    /// <summary>Beyond the maximum is refused; under 45 minutes is raised to 45, as Graph does.</summary>
    private static DateTimeOffset? Lifetime(string requested, EmulatorOptions options, TimeProvider clock)
    {
        if (!DateTimeOffset.TryParse(requested, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (expiresAt > now.AddMinutes(options.MaxSubscriptionMinutes).AddMinutes(1))
        {
            return null;
        }
        return expiresAt < now + MinimumLifetime ? now + MinimumLifetime : expiresAt;
    }

    /// <summary>
    /// The subscription as POST /subscriptions answers it (learn.microsoft.com graph/api/subscription-post-subscriptions;
    /// ../shared/corpus/graph/subscription-created-response.json): every property, unset ones as null.
    /// </summary>
    public static object ToJson(EmulatedSubscription subscription) => new Dictionary<string, object?>
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
        ["id"] = subscription.Id,
        ["resource"] = subscription.Resource,
        ["applicationId"] = ApplicationId,
        ["changeType"] = subscription.ChangeType,
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl,
        ["notificationQueryOptions"] = subscription.Options.GetValueOrDefault("notificationQueryOptions"),
        ["notificationContentType"] = subscription.Options.GetValueOrDefault("notificationContentType"),
        ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl,
        ["expirationDateTime"] = subscription.ExpirationDateTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["creatorId"] = CreatorId,
        // Never true here (see CreateAsync); null when the client did not say, as in the documented response.
        ["includeResourceData"] = subscription.IncludeResourceData,
        // "If not set, defaults to v1_2" (the subscription resource).
        ["latestSupportedTlsVersion"] = subscription.Options.GetValueOrDefault("latestSupportedTlsVersion") ?? "v1_2",
        ["encryptionCertificate"] = subscription.Options.GetValueOrDefault("encryptionCertificate"),
        ["encryptionCertificateId"] = subscription.Options.GetValueOrDefault("encryptionCertificateId"),
        ["notificationUrlAppId"] = subscription.Options.GetValueOrDefault("notificationUrlAppId"),
    };

    private static IResult Invalid(string message) => GraphErrors.Error(StatusCodes.Status400BadRequest, "InvalidRequest", message);

    private static IResult NotFound(string id) =>
        GraphErrors.Error(StatusCodes.Status404NotFound, "ResourceNotFound", $"The object '{id}' doesn't exist.");
}
