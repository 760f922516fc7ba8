// Reads --heap-profile/--goroutine-profile files into a ProfileStore; an unreadable one is an InputException naming it.
namespace GcTrace.Pipeline;

using GcTrace.Profiles;

public static class ProfileFiles
{
    public static ProfileStore Load(IEnumerable<string> heaps, IEnumerable<string> goroutines)
    {
        var series = new ProfileStore();
        foreach (var path in heaps) series.AddHeap(Read(path));
        foreach (var path in goroutines) series.AddGoroutine(Read(path));
        return series;
    }

    private static Profile Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ProfileReader.Read(stream, Path.GetFileName(path));
        }
        catch (ProfileFormatException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: {InputOpener.Describe(e)}", e);
        }
    }
}
