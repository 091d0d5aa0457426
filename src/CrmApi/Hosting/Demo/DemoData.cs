using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Hosting.Demo;

public static class DemoData
{
    /// <summary>Everyone at this domain signs in to the demo account with a development token.</summary>
    public const string Domain = "contoso.com";

    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService<DemoMailboxes>();
        builder.Services.AddSingleton<DemoTeamMailbox>();
        return builder;
    }

    /// <summary>Seeds the demo account once (Development default); a database that has it is left alone.</summary>
    public static async Task SeedDemoDataIfConfiguredAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            return;
        }
        var tenantId = DevTenants.TenantIdForDomain(Domain);
        if (await app.Services.GetRequiredService<AccountStore>().GetByTenantIdAsync(tenantId, CancellationToken.None) is not null)
        {
            return;
        }
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(tenantId, CancellationToken.None);
        app.Logger.LogInformation("Seeded the demo account: sign in as anyone at {Domain}", Domain);
    }

    internal static User DemoUser(Guid accountId, string tenantId, string email, string displayName, TimeProvider clock) => new()
    {
        Id = clock.NewId(),
        AccountId = accountId,
        ObjectId = DevTenants.ObjectIdFor(tenantId, EmailAddresses.Normalize(email)),
        Email = email,
        EmailNormalized = EmailAddresses.Normalize(email),
        DisplayName = displayName,
        CreatedAt = clock.GetUtcNow(),
    };
}
