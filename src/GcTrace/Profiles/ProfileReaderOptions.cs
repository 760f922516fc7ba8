// ProfileReaderOptions: limits that keep a hostile or broken profile from exhausting memory.
namespace GcTrace.Profiles;

public sealed record ProfileReaderOptions
{
    /// <summary>Default cap on decompressed bytes: real heap profiles are a few MB; 256 MiB refuses gzip bombs.</summary>
    public const long DefaultMaxDecompressedBytes = 256L * 1024 * 1024;

    public static ProfileReaderOptions Default { get; } = new();

    public long MaxDecompressedBytes { get; init; } = DefaultMaxDecompressedBytes;
}
