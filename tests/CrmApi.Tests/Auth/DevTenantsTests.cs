using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.Tests.Auth;

public class DevTenantsTests
{
    [Fact]
    public void TenantIdForDomain_SameDomainAnyCase_SameTenant()
    {
        Assert.Equal(DevTenants.TenantIdForDomain("contoso.com"), DevTenants.TenantIdForDomain("Contoso.COM"));
        Assert.NotEqual(DevTenants.TenantIdForDomain("contoso.com"), DevTenants.TenantIdForDomain("fabrikam.com"));
    }

    [Fact]
    public void ObjectIdFor_IsStableAndPerTenant()
    {
        var tenant = DevTenants.TenantIdForDomain("contoso.com");

        Assert.Equal(DevTenants.ObjectIdFor(tenant, "alex@contoso.com"), DevTenants.ObjectIdFor(tenant, "alex@contoso.com"));
        Assert.NotEqual(DevTenants.ObjectIdFor(tenant, "alex@contoso.com"), DevTenants.ObjectIdFor("other", "alex@contoso.com"));
        Assert.True(Guid.TryParse(DevTenants.ObjectIdFor(tenant, "alex@contoso.com"), out _));
    }
}
