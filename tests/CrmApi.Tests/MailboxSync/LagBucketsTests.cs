using OutlookCrm.CrmApi.MailboxSync.FlowCounters;

namespace OutlookCrm.CrmApi.Tests.MailboxSync;

public class LagBucketsTests
{
    [Fact]
    public void P95Seconds_NinetyFiveFastOneHundredSlow_UpperBoundOfTheFastBucket()
    {
        var counts = new long[LagBuckets.Count];
        counts[LagBuckets.Of(TimeSpan.FromSeconds(3))] = 95;
        counts[LagBuckets.Of(TimeSpan.FromMinutes(20))] = 5;

        Assert.Equal(5, LagBuckets.P95Seconds(counts));
    }

    [Fact]
    public void P95Seconds_MoreThanFivePercentSlow_TheSlowBucket()
    {
        var counts = new long[LagBuckets.Count];
        counts[LagBuckets.Of(TimeSpan.FromSeconds(3))] = 94;
        counts[LagBuckets.Of(TimeSpan.FromMinutes(20))] = 6;

        Assert.Equal(3600, LagBuckets.P95Seconds(counts));
    }

    [Fact]
    public void P95Seconds_NothingProcessed_Null() => Assert.Null(LagBuckets.P95Seconds(new long[LagBuckets.Count]));
}
