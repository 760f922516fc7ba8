// Which function a frame's growth is blamed on: a func literal's declaring function, except a package's init.
using GcTrace.Diagnosis;

namespace GcTrace.Tests.Diagnosis;

public class BlamedFunctionTests
{
    [Theory]
    [InlineData("main.handleConn.func1", "main.handleConn")]
    [InlineData("main.spawnWaiter.func1.2", "main.spawnWaiter")]
    [InlineData("main.(*Server).run.func3", "main.(*Server).run")]
    [InlineData("main.init.func1", "main.init.func1")]
    [InlineData("gcfixtures/app/cache.init.func2", "gcfixtures/app/cache.init.func2")]
    [InlineData("main.T.init.func1", "main.T.init")]
    [InlineData("main.cacheResult", "main.cacheResult")]
    public void FuncLiteral_BlamedOnItsDeclaringFunction_ExceptAPackagesInit(string function, string blamed)
    {
        Frames.Blamed(function).Should().Be(blamed);
    }
}
