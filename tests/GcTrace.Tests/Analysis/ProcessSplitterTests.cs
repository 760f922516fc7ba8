// ProcessSplitter on real corpus cycles: interleaved processes, restarts, duplicates and a clock going back.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Analysis;

public class ProcessSplitterTests
{
    private static List<GcCycle> Steady() => FixtureCycles.FromCorpus("go1.19/steady/combined.log").ToList();

    private static List<GcCycle> Leak() => FixtureCycles.FromCorpus("go1.19/leak_global_map/combined.log").ToList();

    [Fact]
    public void TwoInterleavedProcesses_AreTwoSeries_EachInItsOwnOrder()
    {
        var a = Steady();
        var b = Leak();
        var splitter = new ProcessSplitter();
        var assigned = new List<(int Series, GcCycle Cycle)>();
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i < a.Count) assigned.Add((splitter.Assign(a[i]), a[i]));
            if (i < b.Count) assigned.Add((splitter.Assign(b[i]), b[i]));
        }

        splitter.Interleaved.Should().BeTrue();
        splitter.SeriesCount.Should().Be(2);
        assigned.Where(x => x.Series == 0).Select(x => x.Cycle).Should().Equal(a);
        assigned.Where(x => x.Series == 1).Select(x => x.Cycle).Should().Equal(b);
    }

    [Fact]
    public void ARestart_IsANewSeries_NotInterleaved()
    {
        var splitter = new ProcessSplitter();

        var ids = Steady().Concat(Leak()).Select(splitter.Assign).ToList();

        splitter.SeriesCount.Should().Be(2);
        splitter.Interleaved.Should().BeFalse();
        ids.Should().BeInAscendingOrder();
    }

    [Fact]
    public void ALogShippedTwice_EveryCycleOfTheCopyIsADuplicate_NotARestart()
    {
        var splitter = new ProcessSplitter();
        var steady = Steady();

        var ids = steady.Concat(steady.Select(c => c with { Line = c.Line + 1000 })).Select(splitter.Assign).ToList();

        ids.Skip(steady.Count).Should().OnlyContain(i => i == ProcessSplitter.Duplicate);
        splitter.SeriesCount.Should().Be(1);
    }

    [Fact]
    public void ExactDuplicateLines_AreRecognised_NotCountedAsCyclesOrRestarts()
    {
        var splitter = new ProcessSplitter();
        var doubled = Steady().SelectMany(c => new[] { c, c with { Line = c.Line + 100_000 } }).ToList();

        var ids = doubled.Select(splitter.Assign).ToList();

        ids.Count(i => i == ProcessSplitter.Duplicate).Should().Be(doubled.Count / 2);
        splitter.Duplicates.Should().Be(doubled.Count / 2);
        splitter.SeriesCount.Should().Be(1);
    }

    [Fact]
    public void ClockGoingBack_StartsANewSeries()
    {
        var cycles = Steady();
        var splitter = new ProcessSplitter();
        cycles.Take(10).Select(splitter.Assign).ToList();

        var back = cycles[10] with { StartS = cycles[0].StartS };

        splitter.Assign(back).Should().Be(1);
    }

    [Fact]
    public void Fingerprint_IgnoresTheLineNumber_AndChangesWithEveryPrintedValue()
    {
        var cycle = Leak()[5];
        ProcessSplitter.Fingerprint(cycle with { Line = cycle.Line + 1000 }).Should().Be(ProcessSplitter.Fingerprint(cycle));

        // Every settable value of the record but the line number (go1.5's phases included): a new one added to GcCycle
        // and forgotten in the fingerprint would make two different cycles a "duplicate" and drop one.
        var values = typeof(GcCycle).GetProperties()
            .Where(p => p.SetMethod is not null && p.Name != nameof(GcCycle.Line) && p.Name != "EqualityContract").ToList();
        values.Should().HaveCountGreaterThan(20);
        foreach (var property in values)
        {
            var changed = cycle with { };
            property.SetValue(changed, Other(property.GetValue(cycle), property.PropertyType));
            changed.Should().NotBe(cycle, property.Name);
            ProcessSplitter.Fingerprint(changed).Should().NotBe(ProcessSplitter.Fingerprint(cycle), property.Name);
        }
    }

    private static object Other(object? value, Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(decimal) => (decimal?)value is { } d ? d + 0.001m : 1.5m,
        var t when t == typeof(long) => (long?)value is { } l ? l + 1 : 7L,
        var t when t == typeof(int) => (int?)value is { } n ? n + 1 : 7,
        var t when t == typeof(bool) => !(bool)value!,
        var t when t.IsEnum => Enum.GetValues(t).Cast<object>().First(v => !v.Equals(value)),
        var t => throw new InvalidOperationException($"no other value for {t}"),
    };
}
