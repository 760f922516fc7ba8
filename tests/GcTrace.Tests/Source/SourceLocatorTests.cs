// SourceLocator: the recorded path first, then its suffixes under each --source root, longest first.
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class SourceLocatorTests
{
    [Fact]
    public void Locate_AbsoluteBuildPath_IsFoundUnderASourceRootBySuffix()
    {
        var files = new InMemorySourceFiles(new() { [System.IO.Path.Combine("/src", "app", "cache.go")] = "package app\n" });
        var locator = new SourceLocator(["/elsewhere", "/src"], files);

        locator.Locate("/build/app/cache.go").Should().Be(System.IO.Path.Combine("/src", "app", "cache.go"));
        files.Tried.Should().StartWith(["/build/app/cache.go", "/elsewhere/build/app/cache.go", "/elsewhere/app/cache.go", "/elsewhere/cache.go", "/src/build/app/cache.go"]);
    }

    [Fact]
    public void Locate_TrimpathModulePath_FindsTheShortestRemainingSuffix()
    {
        var files = new InMemorySourceFiles(new() { ["/repo/fixtures/src/leak_map/main.go"] = "package main\n" });
        var locator = new SourceLocator(["/repo/fixtures/src"], files);

        locator.Locate("gcfixtures/leak_map/main.go").Should().Be("/repo/fixtures/src/leak_map/main.go");
    }

    [Fact]
    public void Locate_WithoutRoots_TriesOnlyTheRecordedPath_AndAMissingFileIsNull()
    {
        var files = new InMemorySourceFiles(new() { ["/build/app/cache.go"] = "package app\n" });
        var locator = SourceLocator.RecordedPathsOnly(files);

        locator.File("/build/app/cache.go")!.Package.Should().Be("app");
        locator.File("/build/app/gone.go").Should().BeNull();
        locator.Package("/build/app/gone.go").Should().BeNull();
        files.Tried.Should().Equal("/build/app/cache.go", "/build/app/gone.go");
    }
}
