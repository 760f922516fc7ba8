// The library's folders only look one way (house style: Events <- Analysis <- Diagnosis <- Output).
namespace GcTrace.Tests.Architecture;

using System.Reflection;
using GcTrace.Analysis;
using GcTrace.Diagnosis;

public class LayeringTests
{
    private static readonly string[] Layers =
        ["GcTrace.Events", "GcTrace.Parsing", "GcTrace.Profiles", "GcTrace.Analysis", "GcTrace.Diagnosis", "GcTrace.Output", "GcTrace.Pipeline"];

    [Theory]
    [InlineData("GcTrace.Analysis")]
    [InlineData("GcTrace.Diagnosis")]
    [InlineData("GcTrace.Output")]
    public void Types_InLayer_ReferenceNoLayerAbove(string layer)
    {
        var rank = Rank(layer);
        var offenders = typeof(TraceAnalyzer).Assembly.GetTypes()
            .Where(t => t.Namespace == layer)
            .SelectMany(t => Referenced(t).Select(r => (From: t, To: r)))
            .Where(x => x.To.Namespace is { } ns && Rank(ns) > rank)
            .Select(x => $"{x.From.Name} -> {x.To.FullName}")
            .Distinct()
            .ToList();

        offenders.Should().BeEmpty();
    }

    // -1 for namespaces outside the library (System, CsvHelper), which any layer may use.
    private static int Rank(string ns) =>
        Array.FindIndex(Layers, l => ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal));

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
        }

        return types.OfType<Type>().SelectMany(Unwrap);
    }

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
