using OutlookCrm.CrmApi.Crm.ObjectTypes;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Platform.Accounts;

/// <summary>
/// Creates the account of a Microsoft 365 tenant with its built-in object types, in one transaction. Idempotent:
/// onboarding a tenant twice returns the account it already has.
/// </summary>
public sealed class AccountOnboarding(Db db, AccountStore accounts, TimeProvider clock)
{
    public async Task<Account> OnboardAsync(string tenantId, string name, CancellationToken ct)
    {
        var existing = await accounts.GetByTenantIdAsync(tenantId, ct);
        if (existing is not null)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var account = new Account { Id = clock.NewId(), TenantId = tenantId, Name = name, CreatedAt = now };
        try
        {
            await using var connection = await db.OpenForWriteAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await accounts.CreateAsync(account, transaction, ct);
            foreach (var (typeName, label, pluralLabel) in BuiltinTypes.All)
            {
                var type = new ObjectType
                {
                    Id = clock.NewId(),
                    AccountId = account.Id,
                    Name = typeName,
                    Label = label,
                    PluralLabel = pluralLabel,
                    IsBuiltin = true,
                    CreatedAt = now,
                };
                await ObjectTypeStore.CreateAsync(type, transaction, ct);
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
