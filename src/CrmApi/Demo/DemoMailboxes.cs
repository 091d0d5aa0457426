using OutlookCrm.CrmApi.Accounts;
using OutlookCrm.CrmApi.Auth;
using OutlookCrm.CrmApi.Auth.DevIssuer;
using OutlookCrm.CrmApi.Mailboxes;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.CrmApi.Demo;

/// <summary>
/// With the in-process emulator (Development), once the API listens: every connected mailbox exists in the emulator
/// again (its state lives in memory), and the demo rep's and the help desk's mailboxes are connected, so mail sent in
/// the emulator shows up on the demo timelines.
/// </summary>
public sealed class DemoMailboxes(
    IHostApplicationLifetime lifetime, IServiceProvider services, IConfiguration configuration, ILogger<DemoMailboxes> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>("Graph:Emulator") && configuration.GetValue<bool>("Demo:Seed"))
        {
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(ConnectAsync, CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ConnectAsync()
    {
        try
        {
            var emulator = services.GetRequiredService<MailStore>();
            var mailboxes = services.GetRequiredService<MailboxStore>();
            foreach (var connected in await mailboxes.GetAllAsync(CancellationToken.None))
            {
                emulator.AddOrGet(connected.Address, connected.DisplayName);
            }
            var tenantId = DevTenants.TenantIdForDomain(DemoData.Domain);
            var account = await services.GetRequiredService<AccountStore>().GetByTenantIdAsync(tenantId, CancellationToken.None);
            if (account is null)
            {
                return;
            }
            foreach (var (address, name, kind) in new[] { ("alex@contoso.com", "Alex Wilber", MailboxKinds.Personal), ("support@contoso.com", "Contoso Support", MailboxKinds.Helpdesk) })
            {
                emulator.AddOrGet(address, name);
                if (await mailboxes.GetByAddressAsync(account.Id, address, CancellationToken.None) is not null)
                {
                    continue;
                }
                var user = await services.GetRequiredService<AccountStore>().GetUserByObjectIdAsync(account.Id, DevTenants.ObjectIdFor(tenantId, address), CancellationToken.None);
                var current = new CurrentUser();
                current.Set(new CurrentUser.Identity(account.Id, user?.Id ?? Guid.Empty, address, name, tenantId));
                await services.GetRequiredService<ConnectMailbox>().ConnectAsync(current, new ConnectMailboxRequest(address, kind, name), CancellationToken.None);
            }
            logger.LogInformation("Demo mailboxes are connected to the in-process Graph emulator");
        }
        catch (Exception error)
        {
            logger.LogWarning("Could not connect the demo mailboxes: {Error}", error.GetType().Name);
        }
    }
}
