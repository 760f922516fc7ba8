// ProfileFormatException: a profile could not be read; the message names the file and the stage that failed.
namespace GcTrace.Profiles;

public sealed class ProfileFormatException : Exception
{
    public ProfileFormatException(string sourceName, string stage, Exception? inner = null)
        : base($"{sourceName}: {stage}", inner)
    {
        SourceName = sourceName;
        Stage = stage;
    }

    public string SourceName { get; }

    public string Stage { get; }
}
