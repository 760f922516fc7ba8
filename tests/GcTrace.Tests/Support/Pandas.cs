// Where the tests find a Python with pandas: Debian's interpreter, with python3-pandas from scripts/setup.sh.
namespace GcTrace.Tests.Support;

public static class Pandas
{
    /// <summary>Debian's python3 (not a pyenv shim that may lack pandas).</summary>
    public const string Python = "/usr/bin/python3";
}
