// A map written under a key reduced by a remainder or a mask overwrites a bounded set of entries: not a leak.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class CodeReaderBoundedKeyTests
{
    private const string Slots = """
        package main

        var slots = map[int][]byte{}

        func remember(id int) {
            v := make([]byte, 5<<10) // site
            slots[KEY] = v
        }

        func main() {
            for i := 0; ; i++ {
                remember(i)
            }
        }
        """;

    [Theory]
    [InlineData("id%64")]
    [InlineData("id & 0xff")]
    [InlineData("(id + 1) % shards")]
    public void Read_KeyReducedByARemainderOrMask_IsALookAlike(string key)
    {
        var f = CodeReaderTests.Read("main.remember", Slots.Replace("KEY", key, StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("takes only a bounded set of values");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("hash(id % 64, id)")]
    [InlineData("ids[id%64]")]
    public void Read_KeyNotReducedAtItsTopLevel_StillGrows(string key)
    {
        var f = CodeReaderTests.Read("main.remember", Slots.Replace("KEY", key, StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
    }
}
