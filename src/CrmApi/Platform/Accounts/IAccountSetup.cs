using System.Data.Common;

namespace OutlookCrm.CrmApi.Platform.Accounts;

/// <summary>
/// What another area puts into a new account, inside the transaction that creates it, so that an account never exists
/// half set up. Accounts know only that there are such steps, not what they are (the CRM's built-in object types).
/// </summary>
public interface IAccountSetup
{
    Task SetUpAsync(Account account, DbTransaction transaction, CancellationToken ct);
}
