// The library's rooms only look down (docs/architecture.md): a type may use its own room and the rooms below it, in
// its signatures and in its method bodies (read from the IL), never a room above.
using System.Reflection;
using System.Reflection.Emit;
using GcTrace.Analysis;

namespace GcTrace.Tests.Architecture;

public class LayeringTests
{
    // Bottom up. Parsing, Profiles and Source (reading Go source files) sit side by side on Events; none may use another.
    private static readonly string[][] Layers =
    [
        ["GcTrace.Events"],
        ["GcTrace.Parsing", "GcTrace.Profiles", "GcTrace.Source"],
        ["GcTrace.Analysis"],
        ["GcTrace.Tuning"],
        ["GcTrace.Diagnosis"],
        ["GcTrace.Output"],
        ["GcTrace.Pipeline"],
    ];

    private static readonly Assembly Library = typeof(TraceAnalyzer).Assembly;

    public static TheoryData<string> Rooms() => new(Layers.SelectMany(l => l));

    [Fact]
    public void Rooms_CoverEveryLibraryNamespace()
    {
        Library.GetTypes().Where(t => t.Namespace?.StartsWith("GcTrace", StringComparison.Ordinal) == true && Room(t.Namespace) is null)
            .Select(t => t.FullName).Should().BeEmpty("every library type lives in one of the rooms");
    }

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Types_InRoom_ReferenceNoRoomAboveOrBeside(string room)
    {
        var offenders = Library.GetTypes()
            .Where(t => Room(t.Namespace) == room)
            .SelectMany(t => Referenced(t).Select(r => (From: t, To: r)))
            .Where(x => Room(x.To.Namespace) is { } to && to != room && !Below(to, room))
            .Select(x => $"{x.From.FullName} -> {x.To.FullName}")
            .Distinct()
            .ToList();

        offenders.Should().BeEmpty();
    }

    private static string? Room(string? ns) =>
        ns is null ? null : Layers.SelectMany(l => l).FirstOrDefault(r => ns == r || ns.StartsWith(r + ".", StringComparison.Ordinal));

    private static int Level(string room) => Array.FindIndex(Layers, l => l.Contains(room));

    private static bool Below(string to, string from) => Level(to) < Level(from);

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = new List<Type?> { type.BaseType };
        types.AddRange(type.GetInterfaces());
        types.AddRange(type.GetFields(all).Select(f => f.FieldType));
        types.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            types.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                types.Add(info.ReturnType);
            }

            types.AddRange(BodyReferences(method));
        }

        return types.OfType<Type>().SelectMany(Unwrap);
    }

    // Every type, method and field token in the method's IL, resolved to the types it names.
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var op = ReadOpCode(il, ref i);
            var size = OperandSize(op, il, i);
            if (op.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                foreach (var t in TypesOf(member).OfType<Type>())
                {
                    yield return t;
                }
            }

            i += size;
        }
    }

    private static IEnumerable<Type?> TypesOf(MemberInfo? member) => member switch
    {
        Type t => [t],
        FieldInfo f => [f.DeclaringType, f.FieldType],
        MethodInfo m => [m.DeclaringType, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType), .. m.IsGenericMethod ? m.GetGenericArguments() : []],
        ConstructorInfo c => [c.DeclaringType, .. c.GetParameters().Select(p => p.ParameterType)],
        _ => [],
    };

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static OpCode ReadOpCode(byte[] il, ref int i)
    {
        short value = il[i++];
        if (value == 0xFE)
        {
            value = (short)(0xFE00 | il[i++]);
        }

        return OpCodesByValue[value];
    }

    private static int OperandSize(OpCode op, byte[] il, int i) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
        _ => 4,
    };

    // List<Verdict>, Verdict[], Func<T, Verdict>: the generic arguments count too.
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }
}
