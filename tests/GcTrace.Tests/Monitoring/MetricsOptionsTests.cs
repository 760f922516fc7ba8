// The metrics options as a user meets them: addresses, labels, a Pushgateway that is not there, and what a scrape shows.
using GcTrace.Output.Monitoring;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Monitoring;

public class MetricsOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1:9464", "127.0.0.1", 9464)]
    [InlineData(":9464", "*", 9464)]
    [InlineData("0.0.0.0:80", "*", 80)]
    [InlineData("[::1]:9464", "::1", 9464)]
    [InlineData("localhost:1", "localhost", 1)]
    public void ListenAddress_Parses(string text, string host, int port) =>
        ListenAddress.Parse(text).Should().Be(new ListenAddress(host, port));

    [Theory]
    [InlineData("9464")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("::1:9464")]
    [InlineData("host:http")]
    public void ListenAddress_RejectsWithOneLine(string text) =>
        FluentActions.Invoking(() => ListenAddress.Parse(text)).Should().Throw<FormatException>().WithMessage("--metrics-listen*");

    [Fact]
    public void ConstantLabels_ParsesPairsAndKeepsEqualsSignsInValues() =>
        ConstantLabels.Parse(["service=api", "version=1.2=3", "empty="]).Should().BeEquivalentTo(
            new Dictionary<string, string> { ["service"] = "api", ["version"] = "1.2=3", ["empty"] = "" });

    [Theory]
    [InlineData("service", "expected KEY=VALUE")]
    [InlineData("=api", "expected KEY=VALUE")]
    [InlineData("9lives=x", "label name")]
    [InlineData("__name__=x", "label name")]
    [InlineData("my-label=x", "label name")]
    [InlineData("kind=x", "already use")]
    [InlineData("le=x", "already use")]
    public void ConstantLabels_RejectsWhatPrometheusWouldNotTake(string pair, string reason) =>
        FluentActions.Invoking(() => ConstantLabels.Parse([pair])).Should().Throw<FormatException>().WithMessage($"*{reason}*");

    [Fact]
    public void ConstantLabels_RejectsADuplicate() =>
        FluentActions.Invoking(() => ConstantLabels.Parse(["service=a", "service=b"])).Should().Throw<FormatException>().WithMessage("*twice*");

    [Theory]
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", true)]
    [InlineData("application/openmetrics-text; version=1.0.0", true)]
    [InlineData("text/plain;version=0.0.4", false)]
    [InlineData("application/openmetrics-text;q=0,text/plain", false)]
    [InlineData(null, false)]
    public void OpenMetrics_OnlyWhenTheAcceptHeaderAsks(string? accept, bool expected) =>
        MetricsListener.WantsOpenMetrics(accept).Should().Be(expected);

    [Fact]
    public void GroupUrl_CarriesJobAndLabelsBase64Encoded()
    {
        var url = Pushgateway.GroupUrl(new Uri("http://gw:9091/"), "ci/gc", new Dictionary<string, string> { ["service"] = "api", ["branch"] = "" });
        // "ci/gc" -> Y2kvZ2M, "api" -> YXBp; an empty value is "=" ; labels in name order.
        url.AbsoluteUri.Should().Be("http://gw:9091/metrics/job@base64/Y2kvZ2M/branch@base64/=/service@base64/YXBp");
    }

    [Theory]
    [InlineData("--pushgateway http://127.0.0.1:1", "--pushgateway needs --job NAME")]
    [InlineData("--job x", "--job and --push-required need --pushgateway URL")]
    [InlineData("--label service=api", "--label needs --metrics-listen or --pushgateway")]
    [InlineData("--metrics-listen 9464", "--metrics-listen '9464': expected HOST:PORT")]
    [InlineData("--pushgateway ftp://x --job j", "--pushgateway: 'ftp://x' is not an http:// or https:// URL")]
    public void Cli_BadMetricsOptions_ExitTwoWithOneLine(string args, string message)
    {
        var r = CliProcess.Run($"{args} /dev/null");
        r.ExitCode.Should().Be(2);
        r.Stderr.Trim().Should().Be($"gctrace-pipe: {message}" + (message.EndsWith("HOST:PORT", StringComparison.Ordinal) ? " or :PORT, e.g. 127.0.0.1:9464" : ""));
    }

    [Fact]
    public void Cli_PushgatewayDown_IsAWarningUnlessRequired()
    {
        var log = Path.Combine(RepoPaths.Fixtures, "runs", "steady", "combined.log");
        var gateway = $"http://127.0.0.1:{FreePort.Next()}"; // nobody listens there
        var warned = CliProcess.Run($"'{log}' --pushgateway {gateway} --job ci");
        warned.ExitCode.Should().Be(0);
        warned.Stderr.Should().Contain($"gctrace-pipe: warning: --pushgateway {gateway}/: push failed:");
        warned.Stderr.Should().Contain("GC cycles", "the report is written all the same");

        var required = CliProcess.Run($"'{log}' --pushgateway {gateway} --job ci --push-required");
        required.ExitCode.Should().Be(2);
        required.Stderr.Should().Contain($"gctrace-pipe: --pushgateway: {gateway}/: push failed:");
    }

    [Fact]
    public void Cli_MetricsPortInUse_LinesStillPassThroughAndTheExitIsTwo()
    {
        var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
            var r = CliProcess.Run($"--metrics-listen 127.0.0.1:{port}", stdin: "app line\n");
            // Exiting at once would kill the traced program with SIGPIPE: its lines keep flowing, the failure is told twice.
            r.Stdout.Should().Be("app line\n");
            r.ExitCode.Should().Be(2);
            r.Stderr.Should().StartWith($"gctrace-pipe: --metrics-listen 127.0.0.1:{port}: ");
            r.Stderr.Should().Contain("; going on without serving metrics\n");
            r.Stderr.TrimEnd().Split('\n')[^1].Should().StartWith($"gctrace-pipe: --metrics-listen 127.0.0.1:{port}: ", "repeated last, after the report");
            r.Stderr.Should().NotContain("   at ", "no stack trace");
        }
        finally
        {
            busy.Stop();
        }
    }
}
