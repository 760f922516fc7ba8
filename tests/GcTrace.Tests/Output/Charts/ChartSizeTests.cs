using GcTrace.Output.Charts;

namespace GcTrace.Tests.Output.Charts;

public class ChartSizeTests
{
    [Theory]
    [InlineData("1600x800", 1600, 800)]
    [InlineData("1200X600", 1200, 600)]
    [InlineData(" 800x400 ", 800, 400)]
    public void Parse_WidthByHeight_ReturnsBoth(string text, int width, int height) =>
        ChartSize.Parse(text).Should().Be(new ChartSize(width, height));

    [Theory]
    [InlineData("1600", "expected WIDTHxHEIGHT")]
    [InlineData("1600x800x2", "expected WIDTHxHEIGHT")]
    [InlineData("axb", "the width in 'axb' is not a whole number")]
    [InlineData("1600x-800", "the height in '1600x-800' is not a whole number")]
    [InlineData("1600x8.5", "the height in '1600x8.5' is not a whole number")]
    [InlineData("50x800", "must be between 200 and 10000 pixels, not 50")]
    [InlineData("1600x20000", "must be between 200 and 10000 pixels, not 20000")]
    public void Parse_Malformed_ThrowsFormatExceptionSayingWhy(string text, string message)
    {
        Action parse = () => ChartSize.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage($"--png-size: *{message}*");
    }

    [Fact]
    public void ToString_Parsed_RoundTrips() => ChartSize.Parse("1600x800").ToString().Should().Be("1600x800");

    [Fact]
    public void WithSize_Options_TakesWidthAndHeight() =>
        ChartOptions.Default.WithSize(new ChartSize(800, 400)).Should()
            .Match<ChartOptions>(o => o.Width == 800 && o.Height == 400);
}
