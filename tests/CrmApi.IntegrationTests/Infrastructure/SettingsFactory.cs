namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>The test API with some settings of its own (shorter intervals, a fault-prone limit) on top of the defaults.</summary>
public sealed class SettingsFactory(params (string Key, string Value)[] settings) : CrmApiFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings => settings;
}
