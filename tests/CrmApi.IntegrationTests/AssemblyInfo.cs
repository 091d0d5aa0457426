using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

// One API (one SQLite file) for the whole run; every test signs in to an account of its own and asserts only on it.
[assembly: AssemblyFixture(typeof(CrmApiFactory))]
