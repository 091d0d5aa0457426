using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>The hourly mail-flow counters on every configured database: events of one hour add up, aged hours go.</summary>
public class FlowCounterStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AddAsync_EventsOfOneHourAddUp_AgedHoursPurged(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new CrmStores(Databases.Get(provider));
        var user = await stores.NewAccountAsync(ct);
        var mailbox = await stores.NewMailboxAsync(user.AccountId, "flow@counters.example.com", ct);
        var counters = new FlowCounterStore(stores.Db);
        var oldHour = Now.AddDays(-40);

        // The hour's first event makes its row, the later ones add to it; another hour is a row of its own.
        await stores.Db.InTransactionAsync(transaction => FlowCounterStore.AddAsync(transaction, provider,
            [FlowHour.Notified(user.AccountId, mailbox.Id, Now, 2), FlowHour.Logged(user.AccountId, mailbox.Id, Now), FlowHour.Logged(user.AccountId, mailbox.Id, oldHour)], ct), ct);
        await stores.Db.InTransactionAsync(transaction => FlowCounterStore.AddAsync(transaction, provider,
            [FlowHour.Finished(user.AccountId, mailbox.Id, Now, [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3), TimeSpan.FromHours(9)])], ct), ct);

        var hour = Assert.Single(await counters.GetOfAccountSinceAsync(user.AccountId, UtcHours.Of(Now), ct));
        Assert.Equal((2, 1, 3), (hour.Notifications, hour.EmailsLogged, hour.Processed));
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 1], hour.Lags);
        Assert.Equal(2, (await counters.GetOfAccountSinceAsync(user.AccountId, UtcHours.Of(oldHour), ct)).Count);

        await counters.PurgeAsync(Now.AddDays(-31), 1_000, ct);

        Assert.Equal(UtcHours.Of(Now), Assert.Single(await counters.GetOfAccountSinceAsync(user.AccountId, 0, ct)).UtcHour);
    }
}
