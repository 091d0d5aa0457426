using System.Data.Common;
using OutlookCrm.CrmApi.Platform.Accounts;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.ObjectTypes;

/// <summary>Every new account starts with the built-in object types (contact, company, deal, ticket).</summary>
public sealed class BuiltinTypesSetup(TimeProvider clock) : IAccountSetup
{
    public async Task SetUpAsync(Account account, DbTransaction transaction, CancellationToken ct)
    {
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
                CreatedAt = account.CreatedAt,
            };
            await ObjectTypeStore.CreateAsync(type, transaction, ct);
        }
    }
}
