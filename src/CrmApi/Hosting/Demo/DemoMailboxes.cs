using OutlookCrm.CrmApi.MailboxSync.Connections;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.CrmApi.Hosting.Demo;

/// <summary>
/// With the in-process emulator (Development), once the API listens: every connected mailbox exists in the emulator
/// again (its state lives in memory), and the demo rep's and the help desk's mailboxes are connected, so mail sent in
/// the emulator shows up on the demo timelines.
/// </summary>
public sealed class DemoMailboxes(
    IHostApplicationLifetime lifetime, IServiceProvider services, IConfiguration configuration, ILogger<DemoMailboxes> logger) : IHostedService
{
    // The connecting runs after start-up; shutdown waits for it, so nothing writes to the database once the host stopped.
    private Task _work = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>("Graph:Emulator") && configuration.GetValue<bool>("Demo:Seed"))
        {
            lifetime.ApplicationStarted.Register(() => _work = Task.Run(() => ConnectAsync(lifetime.ApplicationStopping), CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown's own deadline passed first.
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        try
        {
            var emulator = services.GetRequiredService<MailStore>();
            var mailboxes = services.GetRequiredService<MailboxStore>();
            foreach (var connected in await mailboxes.GetAllAsync(ct))
            {
                emulator.AddOrGet(connected.Address, connected.DisplayName, DevTenants.ObjectIdFor(DevTenants.TenantIdForDomain(EmailAddresses.DomainOf(connected.AddressNormalized)), connected.AddressNormalized));
            }
            var tenantId = DevTenants.TenantIdForDomain(DemoData.Domain);
            var account = await services.GetRequiredService<AccountStore>().GetByTenantIdAsync(tenantId, ct);
            if (account is null)
            {
                return;
            }
            foreach (var (address, name, kind) in new[]
            {
                ("alex@contoso.com", "Alex Wilber", MailboxKinds.Personal), ("support@contoso.com", "Contoso Support", MailboxKinds.Helpdesk),
                (DemoTeamMailbox.Address, DemoTeamMailbox.DisplayName, MailboxKinds.Team),
            })
            {
                // The user's Graph id is their token's oid, as in Entra: a rep's own mailbox is found by it.
                emulator.AddOrGet(address, name, DevTenants.ObjectIdFor(tenantId, address));
                if (await mailboxes.GetByAddressAsync(account.Id, address, ct) is not null)
                {
                    continue;
                }
                var user = await services.GetRequiredService<AccountStore>().GetUserByObjectIdAsync(account.Id, DevTenants.ObjectIdFor(tenantId, address), ct);
                var current = new CurrentUser();
                current.Set(new CurrentUser.Identity(account.Id, user?.Id ?? Guid.Empty, address, name, tenantId, DevTenants.ObjectIdFor(tenantId, address)), isAdmin: true);
                var connected = await services.GetRequiredService<ConnectMailbox>().ConnectAsync(current, new ConnectMailboxRequest(address, kind, name), ct);
                if (kind == MailboxKinds.Team && connected.IsDone && await mailboxes.GetByAddressAsync(account.Id, address, ct) is { } team)
                {
                    await services.GetRequiredService<DemoTeamMailbox>().SeedAsync(team, await AlexAsync(account.Id, tenantId, ct), ct);
                }
            }
            logger.LogInformation("Demo mailboxes are connected to the in-process Graph emulator");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the next start connects what is missing.
        }
        catch (Exception error)
        {
            logger.LogWarning("Could not connect the demo mailboxes: {Error}", error.GetType().Name);
        }
    }

    private async Task<CurrentUser> AlexAsync(Guid accountId, string tenantId, CancellationToken ct)
    {
        var objectId = DevTenants.ObjectIdFor(tenantId, "alex@contoso.com");
        var alex = await services.GetRequiredService<AccountStore>().GetUserByObjectIdAsync(accountId, objectId, ct);
        var user = new CurrentUser();
        user.Set(new CurrentUser.Identity(accountId, alex?.Id ?? Guid.Empty, "alex@contoso.com", "Alex Wilber", tenantId, objectId), isAdmin: false);
        return user;
    }
}
