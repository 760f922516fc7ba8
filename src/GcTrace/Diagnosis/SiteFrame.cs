// SiteFrame: one frame of a suspect's call path, or its site: the function and the file:line the profile records.
namespace GcTrace.Diagnosis;

public sealed record SiteFrame(string Function, string File, long Line);
