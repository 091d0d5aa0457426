namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// The Exchange Online PowerShell lines (Connect-ExchangeOnline first) that put a mailbox in or out of the app's reach:
/// RBAC for Applications (learn.microsoft.com exchange/permissions-exo/application-rbac: New-ServicePrincipal,
/// New-ManagementScope, New-ManagementRoleAssignment, Test-ServicePrincipalAuthorization) or the older application
/// access policy (learn.microsoft.com graph/auth-limit-mailbox-access: New-ApplicationAccessPolicy,
/// Test-ApplicationAccessPolicy). Changes take up to 2 hours to apply, hence "run the doctor again".
/// </summary>
public static class PowerShellFixes
{
    private const string Scope = "OutlookCrm mailboxes";

    private static string ScopeLines(string clientId) =>
        $"New-ServicePrincipal -AppId {clientId} -ObjectId <the enterprise app's object id> -DisplayName \"OutlookCrm\"; "
        + $"New-ManagementScope -Name \"{Scope}\" -RecipientRestrictionFilter \"CustomAttribute10 -eq 'OutlookCrm'\"; "
        + $"New-ManagementRoleAssignment -App {clientId} -Role \"Application Mail.Read\" -CustomResourceScope \"{Scope}\"";

    /// <summary>The mailbox is out of reach and should be in.</summary>
    public static string LetRead(string clientId, string mailbox) =>
        $"With RBAC for Applications: Set-Mailbox -Identity {mailbox} -CustomAttribute10 OutlookCrm (the scope's filter; if the app has no role yet: {ScopeLines(clientId)}); "
        + $"check with Test-ServicePrincipalAuthorization -Identity {clientId} -Resource {mailbox} (InScope True). "
        + $"With an application access policy instead: Add-DistributionGroupMember -Identity <the policy's group> -Member {mailbox}; "
        + $"check with Test-ApplicationAccessPolicy -Identity {mailbox} -AppId {clientId} (Granted). A change takes up to 2 hours to apply: run the doctor again then.";

    /// <summary>The mailbox is in reach and should not be: the scope is wider than intended.</summary>
    public static string StopReading(string clientId, string mailbox) =>
        "Permissions add up: Mail.Read consented in Entra ID reaches every mailbox whatever Exchange's scope says. "
        + "Either remove that consent (Entra admin center > Enterprise applications > OutlookCrm > Permissions) and scope the app in Exchange Online: "
        + $"{ScopeLines(clientId)}; "
        + $"or keep it and narrow it with New-ApplicationAccessPolicy -AppId {clientId} -PolicyScopeGroupId <a mail-enabled security group of the CRM's mailboxes> -AccessRight RestrictAccess -Description \"{Scope}\". "
        + $"Check with Test-ServicePrincipalAuthorization -Identity {clientId} -Resource {mailbox} (InScope False) or Test-ApplicationAccessPolicy -Identity {mailbox} -AppId {clientId} (Denied). "
        + "A change takes up to 2 hours to apply: run the doctor again then.";
}
