// SuspectSite: the file:line a suspect's memory grows at, with the line's code when the source was found.
namespace GcTrace.Diagnosis;

/// <param name="File">The path the profile records.</param>
/// <param name="Code">The line's text without its trailing comment; null when the file was not found.</param>
public sealed record SuspectSite(string File, long Line, string? Code);
