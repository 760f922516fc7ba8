// The `--json` sink: the summary as one JSON object with the contract's keys.
using System.Text;
using System.Text.Json;
using GcTrace.Diagnosis;

namespace GcTrace.Output;
/// <summary>
/// System.Text.Json writes numbers culture-independently; decimals keep the digits the runtime printed.
/// The destination is the caller's; it is flushed, not closed.
/// </summary>
public static class JsonSummaryWriter
{
    public static void Write(TraceDiagnosis summary, Stream destination)
    {
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        JsonSerializer.Serialize(writer, SummaryDocument.Of(summary), SummaryJsonContext.Default.SummaryDocument);
        writer.Flush();
        destination.Write("\n"u8);
        destination.Flush();
    }

    public static void Write(TraceDiagnosis summary, TextWriter destination)
    {
        using var buffer = new MemoryStream();
        Write(summary, buffer);
        destination.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        destination.Flush();
    }
}
