using OutlookCrm.GraphEmulator.Subscriptions;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary><c>POST /_emulator/webhook-rules {requireHttps}</c> and <c>DELETE /_emulator/webhook-rules</c> (docs/emulator.md).</summary>
public static class WebhookRuleEndpoints
{
    public sealed record WebhookRulesRequest(bool? RequireHttps);

    public static RouteGroupBuilder MapWebhookRules(this RouteGroupBuilder control)
    {
        control.MapPost("/webhook-rules", (WebhookRulesRequest request, WebhookRules rules) =>
        {
            rules.RequireHttps = request.RequireHttps ?? rules.RequireHttps;
            return Results.NoContent();
        });
        control.MapDelete("/webhook-rules", (WebhookRules rules) =>
        {
            rules.RequireHttps = false;
            return Results.NoContent();
        });
        return control;
    }
}
