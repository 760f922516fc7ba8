// Plain one-line errors for option values, checked before any input is read: an enum word that is not one of the
// accepted ones. (Output paths are checked when opened: a bad one is reported and the run goes on, per the contract.)
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace GcTrace.Cli;

internal static partial class OptionChecks
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

    /// <summary>The parser's own wording made plain where it reads like a library ("Required argument missing for option").</summary>
    public static string Plain(string parserMessage)
    {
        var missing = MissingValue().Match(parserMessage);
        if (missing.Success) return $"{missing.Groups[1].Value} needs a value";
        var unknown = Unrecognized().Match(parserMessage);
        return unknown.Success ? $"unknown option or argument {unknown.Groups[1].Value}" : parserMessage;
    }

    [GeneratedRegex(@"^Required argument missing for option: '([^']+)'")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"^Unrecognized command or argument '([^']+)'")]
    private static partial Regex Unrecognized();
}
