// JSON converters that write the diagnosis enums as the output contract spells them (ContractNames), AOT-safe.
using System.Text.Json;
using System.Text.Json.Serialization;
using GcTrace.Diagnosis;
using GcTrace.Events;

namespace GcTrace.Output;

internal abstract class ContractNameConverter<T>(Func<T, string> name) : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        foreach (var value in Enum.GetValues<T>())
            if (name(value) == text) return value;
        throw new JsonException($"'{text}' is not a {typeof(T).Name}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(name(value));
}

internal sealed class VerdictKindConverter() : ContractNameConverter<VerdictKind>(ContractNames.Of);

internal sealed class ConfidenceConverter() : ContractNameConverter<Confidence>(ContractNames.Of);

internal sealed class SuspectPatternConverter() : ContractNameConverter<SuspectPattern>(ContractNames.Of);
