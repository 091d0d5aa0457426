namespace OutlookCrm.GraphEmulator.Subscriptions;

/// <summary>
/// The validation handshake Graph runs before it creates a subscription: a POST with <c>?validationToken=</c> and an
/// empty text/plain body to the notification URL and to the lifecycle URL, each of which must answer 200 text/plain
/// with exactly the token within the timeout.
/// </summary>
public sealed class SubscriptionValidator(IHttpClientFactory httpClients, EmulatorOptions options)
{
    public async Task<string?> FailureAsync(string url, CancellationToken ct)
    {
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ValidationTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}{separator}validationToken={Uri.EscapeDataString(token)}")
            {
                Content = new StringContent("", System.Text.Encoding.UTF8, "text/plain"),
            };
            using var response = await httpClients.CreateClient(NotificationDispatcher.HttpClientName).SendAsync(request, timeout.Token);
            if ((int)response.StatusCode != StatusCodes.Status200OK)
            {
                return "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.";
            }
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.Content.Headers.ContentType?.MediaType == "text/plain" && body == token
                ? null
                : "Subscription validation request failed. Response must exactly match validationToken query parameter.";
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return error is TaskCanceledException
                ? "Subscription validation request timed out."
                : "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.";
        }
    }
}
