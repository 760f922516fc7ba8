// Finds the native libraries that charts draw with (SkiaSharp's and HarfBuzzSharp's) before SkiaSharp first calls them.
using System.Reflection;
using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;

namespace GcTrace.Output.Charts;

/// <summary>
/// A Native AOT <c>gctrace-pipe</c> is one file, but SkiaSharp needs <c>libSkiaSharp.so</c> and
/// <c>libHarfBuzzSharp.so</c>; a binary copied alone used to die in SkiaSharp's type initialiser. Each library is looked
/// for, in order: where .NET looks by default (beside the executable, the framework-dependent build's
/// <c>runtimes/RID/native</c>, the system's library path); then the copy that a RID-specific build embeds in the
/// executable (<see cref="ResourcePrefix"/>, added by GcTrace.Cli.csproj), written once to a private cache directory
/// named by a hash of its bytes and loaded from there. When a library cannot be had, <see cref="Problem"/> says which in one
/// sentence and SkiaSharp is never touched, so the run's other outputs are unaffected.
/// </summary>
public static class SkiaNativeLibraries
{
    /// <summary>Manifest resource names of the embedded copies: this prefix plus the file name.</summary>
    public const string ResourcePrefix = "GcTrace.Native.";

    private const string Skia = "libSkiaSharp";
    private const string HarfBuzz = "libHarfBuzzSharp";

    // Handles by DllImport library name, handed to the P/Invoke resolver once loaded.
    private static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);

    private static readonly Lazy<string?> LoadResult = new(LoadAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Loads both libraries once per process. Null when charts can be drawn; otherwise one sentence naming the library
    /// that is missing or unloadable and where it was looked for.
    /// </summary>
    public static string? Problem => LoadResult.Value;

    private static string? LoadAll()
    {
        // SkiaSharp's and HarfBuzzSharp's DllImports ask this resolver first; it answers with what LoadAll loaded.
        Register(typeof(SKObject).Assembly);
        Register(typeof(Blob).Assembly);
        return Load(Skia, typeof(SKObject).Assembly) ?? Load(HarfBuzz, typeof(Blob).Assembly);
    }

    private static void Register(Assembly assembly)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Another resolver is set for that assembly already: the default probing (first step of Load) still applies.
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        lock (Loaded) return Loaded.TryGetValue(name, out var handle) ? handle : IntPtr.Zero;
    }

    // Null when loaded; otherwise the problem.
    private static string? Load(string name, Assembly owner)
    {
        string file = name + ".so";
        string? defaultError = null;
        try
        {
            Remember(name, NativeLibrary.Load(name, owner, null));
            return null;
        }
        catch (DllNotFoundException e)
        {
            defaultError = Reason(e, file);
        }
        catch (BadImageFormatException e)
        {
            defaultError = Reason(e, file);
        }

        using Stream? embedded = Assembly.GetEntryAssembly()?.GetManifestResourceStream(ResourcePrefix + file);
        if (embedded is null)
            return $"charts need {file}, which this build does not embed and which could not be loaded ({defaultError})";
        try
        {
            Remember(name, LoadEmbedded(file, embedded));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or BadImageFormatException)
        {
            return $"charts need {file}: its embedded copy could not be written or loaded ({Reason(e, file)})";
        }
    }

    private static void Remember(string name, IntPtr handle)
    {
        lock (Loaded) Loaded[name] = handle;
    }

    // Writes the embedded library to the cache (unless an identical copy is there) and loads it. Falls back to a
    // fresh private temporary directory, deleted once loaded (the mapping outlives the file), when the cache is
    // not writable.
    private static IntPtr LoadEmbedded(string file, Stream embedded)
    {
        byte[] bytes = new byte[embedded.Length];
        embedded.ReadExactly(bytes);
        string hash = NativeLibraryCache.ContentName(bytes);
        try
        {
            string path = NativeLibraryCache.Place(Path.Combine(NativeLibraryCache.Root(), hash), file, bytes);
            return NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DirectoryInfo temp = Directory.CreateTempSubdirectory("gctrace-pipe-");
            try
            {
                return NativeLibrary.Load(NativeLibraryCache.Place(temp.FullName, file, bytes));
            }
            finally
            {
                temp.Delete(recursive: true);
            }
        }
    }

    // .NET's load errors list every path it tried, one a line; the line about our file says why (e.g. "invalid ELF
    // header"). A line that only says the file is absent is kept as a last resort.
    private static string Reason(Exception e, string file)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var about = lines.Where(l => l.Contains(file, StringComparison.Ordinal)).ToList();
        return about.FirstOrDefault(l => !l.Contains("No such file", StringComparison.Ordinal))
            ?? (about.Count > 0 ? $"not found beside {AppContext.BaseDirectory.TrimEnd('/')} nor on the library path" : lines.FirstOrDefault() ?? e.GetType().Name);
    }
}
