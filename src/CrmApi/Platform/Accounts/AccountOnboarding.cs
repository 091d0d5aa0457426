using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Accounts;

/// <summary>
/// Creates the account of a Microsoft 365 tenant with what the other areas set up in it (<see cref="IAccountSetup"/>), in
/// one transaction. Idempotent: onboarding a tenant twice returns the account it already has.
/// </summary>
public sealed class AccountOnboarding(Db db, AccountStore accounts, IEnumerable<IAccountSetup> setups, RefusedTenants refused, TimeProvider clock)
{
    public async Task<Account> OnboardAsync(string tenantId, string name, CancellationToken ct)
    {
        var account = await GetOrCreateAsync(tenantId, name, ct);
        // After the account exists: a refusal remembered before it is dropped, and none can be remembered after.
        refused.Forget(tenantId);
        return account;
    }

    private async Task<Account> GetOrCreateAsync(string tenantId, string name, CancellationToken ct)
    {
        var existing = await accounts.GetByTenantIdAsync(tenantId, ct);
        if (existing is not null)
        {
            return existing;
        }
        var account = new Account { Id = clock.NewId(), TenantId = tenantId, Name = name, CreatedAt = clock.GetUtcNow() };
        try
        {
            await using var connection = await db.OpenForWriteAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await accounts.CreateAsync(account, transaction, ct);
            foreach (var setup in setups)
            {
                await setup.SetUpAsync(account, transaction, ct);
            }
            await transaction.CommitAsync(ct);
            return account;
        }
        catch (System.Data.Common.DbException)
        {
            // Two first requests of a new tenant raced; the unique tenant index kept one account. Use it.
            return await accounts.GetByTenantIdAsync(tenantId, ct) ?? throw new InvalidOperationException("Account creation failed");
        }
    }
}
