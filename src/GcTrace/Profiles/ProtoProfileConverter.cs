// ProtoProfileConverter: resolves the protobuf message's id and string-table references into the Profile model.
using System.Globalization;

namespace GcTrace.Profiles;

internal static class ProtoProfileConverter
{
    public static Profile Convert(Proto.Profile message, string sourceName)
    {
        var strings = message.StringTable;
        string Str(long index) => index >= 0 && index < strings.Count
            ? strings[(int)index]
            : throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"protobuf string index {index} out of range"));

        var functions = message.Function.ToDictionary(f => f.Id);
        var locations = new Dictionary<ulong, IReadOnlyList<StackFrame>>();
        foreach (var location in message.Location)
        {
            locations[location.Id] = ToFrames(location, functions, Str, sourceName);
        }

        var waitStates = IsGoroutineProfile(message, Str);
        var samples = new List<ProfileSample>(message.Sample.Count);
        foreach (var sample in message.Sample)
        {
            var stack = new List<StackFrame>();
            foreach (var id in sample.LocationId)
            {
                if (!locations.TryGetValue(id, out var frames))
                {
                    throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"protobuf sample references unknown location {id}"));
                }

                stack.AddRange(frames);
            }

            var labels = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var numLabels = new Dictionary<string, List<long>>(StringComparer.Ordinal);
            foreach (var label in sample.Label)
            {
                var key = Str(label.Key);
                if (label.Str != 0)
                {
                    Add(labels, key, Str(label.Str));
                }
                else
                {
                    Add(numLabels, key, label.Num);
                }
            }

            samples.Add(new ProfileSample
            {
                Values = sample.Value.ToArray(),
                Stack = stack,
                Labels = labels.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
                NumLabels = numLabels.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<long>)kv.Value, StringComparer.Ordinal),
                WaitState = waitStates ? WaitStateClassifier.Classify(stack, runtimeFramesShown: true) : null,
            });
        }

        return new Profile
        {
            SourceName = sourceName,
            SampleTypes = message.SampleType.Select(t => new ProfileValueType(Str(t.Type), Str(t.Unit))).ToArray(),
            Samples = samples,
            TimeNanos = message.TimeNanos,
            DurationNanos = message.DurationNanos,
            PeriodType = message.PeriodType is null ? null : new ProfileValueType(Str(message.PeriodType.Type), Str(message.PeriodType.Unit)),
            Period = message.Period,
            Comments = message.Comment.Select(Str).ToArray(),
            DefaultSampleType = message.DefaultSampleType == 0 ? null : Str(message.DefaultSampleType),
        };
    }

    private static bool IsGoroutineProfile(Proto.Profile message, Func<long, string> str) =>
        message.SampleType.Count == 1 && str(message.SampleType[0].Type) == "goroutine";

    /// <summary>line[0] is the innermost frame; every line but the last was inlined into the one after it.</summary>
    private static IReadOnlyList<StackFrame> ToFrames(
        Proto.Location location, Dictionary<ulong, Proto.Function> functions, Func<long, string> str, string sourceName)
    {
        if (location.Line.Count == 0)
        {
            // Unsymbolized: pprof shows such a node as "<unknown>" once addresses are aggregated away.
            return [new StackFrame("", "", 0, false, location.Address)];
        }

        var frames = new StackFrame[location.Line.Count];
        for (var i = 0; i < frames.Length; i++)
        {
            var line = location.Line[i];
            var name = "";
            var file = "";
            if (line.FunctionId != 0)
            {
                if (!functions.TryGetValue(line.FunctionId, out var function))
                {
                    throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"protobuf line references unknown function {line.FunctionId}"));
                }

                name = str(function.Name);
                file = str(function.Filename);
            }

            frames[i] = new StackFrame(name, file, line.Line_, i != frames.Length - 1, location.Address);
        }

        return frames;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
