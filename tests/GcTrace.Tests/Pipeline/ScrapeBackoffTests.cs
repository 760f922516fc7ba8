// ScrapeBackoff: the waits after failed scrapes and which failures are printed.
using GcTrace.Pipeline;

namespace GcTrace.Tests.Pipeline;

public class ScrapeBackoffTests
{
    [Fact]
    public void Failures_DoubleTheWaitUpToTheCeiling_AndASuccessResetsIt()
    {
        var backoff = new ScrapeBackoff(TimeSpan.FromSeconds(15));

        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Record(succeeded: false)).ToList();

        waits.Take(4).Should().Equal(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240));
        waits.Skip(4).Should().OnlyContain(w => w == ScrapeBackoff.MaxDelay);
        backoff.Record(succeeded: true).Should().Be(TimeSpan.FromSeconds(15));
        backoff.ConsecutiveFailures.Should().Be(0);
    }

    [Fact]
    public void IntervalLongerThanTheCeiling_IsKept()
    {
        var backoff = new ScrapeBackoff(TimeSpan.FromMinutes(10));

        backoff.Record(succeeded: false).Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void OnlyTheFirstFailureAndThenPowersOfFourAreWarned()
    {
        var backoff = new ScrapeBackoff(TimeSpan.FromSeconds(1));
        var warned = new List<int>();

        for (var i = 1; i <= 100; i++)
        {
            backoff.Record(succeeded: false);
            if (backoff.ShouldWarn) warned.Add(i);
        }

        warned.Should().Equal(1, 4, 16, 64);
    }
}
