// --status: when the live status line is drawn on stderr.
namespace GcTrace.Cli;

internal enum StatusMode
{
    Auto,
    Always,
    Never,
}
