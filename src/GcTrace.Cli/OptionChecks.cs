// Plain one-line errors for option values, checked before any input is read: an enum word that is not one of the
// accepted ones, an output path that is a directory, a chart directory that is a file or cannot be created.
using System.CommandLine.Parsing;

namespace GcTrace.Cli;

internal static class OptionChecks
{
    /// <summary>
    /// Parses an enum option case-insensitively; anything else is one error line listing the accepted words (the
    /// default parser printed several lines and the enum's .NET type name).
    /// </summary>
    public static T Enum<T>(ArgumentResult r, string option, T fallback)
        where T : struct, System.Enum
    {
        if (r.Tokens.Count == 0) return fallback;
        var word = r.Tokens[^1].Value;
        if (!word.All(char.IsAsciiDigit) && System.Enum.TryParse<T>(word, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
            return value;
        r.AddError($"{option} '{word}' is not one of {Words<T>()}");
        return fallback;
    }

    /// <summary>The accepted words of an enum option, lower case, for help and errors ("all, only, exclude").</summary>
    public static string Words<T>()
        where T : struct, System.Enum => string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    /// <summary>An output file path: not a directory, and its folder exists. Null when fine, else the error line.</summary>
    public static string? OutputFile(string? path, string option)
    {
        if (path is null || path == CliOptions.Stdout) return null;
        if (Directory.Exists(path)) return $"{option} {path}: is a directory; give a file path";
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is not null && !Directory.Exists(parent)) return $"{option} {path}: the folder {parent} does not exist";
        return null;
    }

    /// <summary>
    /// A chart directory: created now if missing, so a path that cannot hold charts is refused before the input is read
    /// rather than after a long run. Null when fine, else the error line.
    /// </summary>
    public static string? OutputDirectory(string? path, string option)
    {
        if (path is null) return null;
        if (File.Exists(path)) return $"{option} {path}: is a file, not a directory; {option} needs a directory (created if missing)";
        try
        {
            Directory.CreateDirectory(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var why = e switch
            {
                UnauthorizedAccessException => "permission denied",
                DirectoryNotFoundException => "a folder above it does not exist",
                _ when File.Exists(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "") => "a part of the path is a file",
                _ => e.Message,
            };
            return $"{option} {path}: cannot create the directory ({why})";
        }
    }
}
