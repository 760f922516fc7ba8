// Reads --heap-profile/--goroutine-profile files into a ProfileStore; an unreadable one is an InputException naming it.
using GcTrace.Profiles;

namespace GcTrace.Pipeline;

public static class ProfileFiles
{
    public static ProfileStore Load(IEnumerable<string> heaps, IEnumerable<string> goroutines)
    {
        var series = new ProfileStore();
        foreach (var path in heaps) series.AddHeap(Read(path, "--heap-profile"));
        foreach (var path in goroutines) series.AddGoroutine(Read(path, "--goroutine-profile"));
        return series;
    }

    // Errors name the option and the path as given ("--heap-profile /tmp: is a directory"), like every other option's.
    private static Profile Read(string path, string option)
    {
        // Opening a directory fails with "access denied" on Linux, which sent people checking permissions.
        if (Directory.Exists(path)) throw new InputException($"{option} {path}: is a directory; give a profile file");
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            return ProfileReader.Read(stream, name);
        }
        catch (ProfileFormatException e)
        {
            // The reader names the file by its name alone ("heap.pb.gz: ..."); the user typed the path.
            var what = e.Message.StartsWith(name + ": ", StringComparison.Ordinal) ? e.Message[(name.Length + 2)..] : e.Message;
            throw new InputException($"{option} {path}: {what}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{option} {path}: {InputOpener.Describe(e)}", e);
        }
    }
}
