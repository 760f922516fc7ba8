// GcSetting: the runtime's own GOGC/GOMEMLIMIT syntax, and one clear message for anything else.
using GcTrace.Tuning;

namespace GcTrace.Tests.Tuning;

public class GcSettingTests
{
    [Theory]
    [InlineData("GOGC=200", 200, false, null)]
    [InlineData("GOGC=off", null, true, null)]
    [InlineData("GOMEMLIMIT=512MiB", null, false, 512L << 20)]
    [InlineData("GOMEMLIMIT=1GiB", null, false, 1L << 30)]
    [InlineData("GOMEMLIMIT=1048576", null, false, 1L << 20)]
    [InlineData("GOGC=off,GOMEMLIMIT=1GiB", null, true, 1L << 30)]
    [InlineData("GOGC=50, GOMEMLIMIT=64MiB", 50, false, 64L << 20)]
    public void Parse_RuntimeSyntax_ReadsEachTerm(string text, int? gogc, bool off, long? limit)
    {
        var setting = GcSetting.Parse(text);

        setting.Gogc.Should().Be(gogc);
        setting.GogcOff.Should().Be(off);
        setting.MemoryLimitBytes.Should().Be(limit);
        setting.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("GOGC=")]
    [InlineData("GOGC=-5")]
    [InlineData("GOGC=1.5")]
    [InlineData("GOMEMLIMIT=12MB")]
    [InlineData("GOMEMLIMIT=lots")]
    [InlineData("GOMAXPROCS=4")]
    [InlineData("200")]
    [InlineData("")]
    public void Parse_NotASetting_ThrowsFormatExceptionNamingTheTerm(string text)
    {
        var parse = () => GcSetting.Parse(text);

        parse.Should().Throw<FormatException>().Which.Message.Should().Contain("GO");
    }
}
