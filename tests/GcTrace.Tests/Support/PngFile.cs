// Reads what chart tests check in a PNG: the signature, the IHDR size, and the decoded pixels.
using System.Buffers.Binary;
using SkiaSharp;

namespace GcTrace.Tests.Support;

internal static class PngFile
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(byte[] png) => png.AsSpan().StartsWith(Signature);

    /// <summary>Width and height from the IHDR chunk, which the PNG spec requires to come first.</summary>
    public static (int Width, int Height) Size(byte[] png)
    {
        if (!HasSignature(png) || png.Length < 24 || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new InvalidDataException("not a PNG with an IHDR first");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>How many pixels differ between two same-size PNGs inside the given rectangle.</summary>
    public static int DifferingPixels(byte[] a, byte[] b, SKRectI area)
    {
        using SKBitmap x = SKBitmap.Decode(a), y = SKBitmap.Decode(b);
        int count = 0;
        for (int row = area.Top; row < area.Bottom; row++)
            for (int col = area.Left; col < area.Right; col++)
                if (x.GetPixel(col, row) != y.GetPixel(col, row)) count++;
        return count;
    }
}
