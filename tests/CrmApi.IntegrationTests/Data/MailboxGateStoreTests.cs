using OutlookCrm.CrmApi.MailboxSync.Throttling;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>A mailbox's shared Graph slots and request budget as two API instances use them, on every configured database.</summary>
public class MailboxGateStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TryClaimAsync_TwoInstancesClaimAtOnce_NoMoreThanTheSlotsHeldUntilGivenBackOrTheLeaseRunsOut(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var one = new MailboxGateStore(Databases.Get(provider));
        var other = new MailboxGateStore(Databases.AnotherInstance(Databases.Get(provider)));
        var mailbox = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var lease = now.AddSeconds(30);
        await Task.WhenAll(one.EnsureSlotsAsync(mailbox, 4, ct), other.EnsureSlotsAsync(mailbox, 4, ct));

        var holders = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToList();
        var claims = await Task.WhenAll(holders.Select((holder, i) => (i % 2 == 0 ? one : other).TryClaimAsync(mailbox, 4, holder, now, lease, ct)));

        var held = claims.Select((slot, i) => (Slot: slot, Holder: holders[i])).Where(claim => claim.Slot is not null).ToList();
        Assert.Equal([0, 1, 2, 3], held.Select(claim => claim.Slot!.Value).Order());
        Assert.Null(await other.TryClaimAsync(mailbox, 4, Guid.CreateVersion7(), now.AddSeconds(29), now.AddSeconds(59), ct));
        // Given back: free at once for the other instance.
        await one.ReleaseAsync(mailbox, held[0].Slot!.Value, held[0].Holder, ct);
        Assert.Equal(held[0].Slot, await other.TryClaimAsync(mailbox, 4, Guid.CreateVersion7(), now, now.AddMinutes(5), ct));
        // Renewed by its holder, a slot stays held past its first lease; the last two holders died, their leases run out.
        Assert.True(await one.RenewAsync(mailbox, held[1].Slot!.Value, held[1].Holder, now.AddMinutes(5), ct));
        var taken = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => other.TryClaimAsync(mailbox, 4, Guid.CreateVersion7(), now.AddMinutes(1), now.AddMinutes(2), ct)));
        Assert.Equal(2, taken.Count(slot => slot is not null));
        Assert.DoesNotContain(held[1].Slot, taken);
        // A holder whose lease ran out and was taken over can neither renew nor give back the new holder's slot.
        Assert.False(await one.RenewAsync(mailbox, held[2].Slot!.Value, held[2].Holder, now.AddMinutes(5), ct));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GrantAsync_TwoInstancesAtOnce_NeverMoreThanTheLimitWithinTheSpan(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var one = new MailboxGateStore(Databases.Get(provider));
        var other = new MailboxGateStore(Databases.AnotherInstance(Databases.Get(provider)));
        var mailbox = Guid.CreateVersion7();
        const long slice = 1_000;

        var grants = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? one : other).GrantAsync(mailbox, slice, slice - 11, 20, 3, ct)));

        Assert.Equal(20, grants.Sum(grant => grant.Granted));
        // Later slices within the span find it spent; once the granting slice has left the span, it opens again.
        Assert.Equal(0, (await one.GrantAsync(mailbox, slice + 11, slice, 20, 3, ct)).Granted);
        var reopened = await other.GrantAsync(mailbox, slice + 12, slice + 1, 20, 3, ct);
        Assert.Equal(3, reopened.Granted);
        Assert.Equal([new BudgetSlice { Slice = slice + 12, Requests = 3 }], reopened.Slices);
    }
}
