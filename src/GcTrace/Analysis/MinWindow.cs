// The lowest live heap seen in one time window: one point of the lower envelope.
namespace GcTrace.Analysis;

internal sealed class MinWindow : IMergeable<MinWindow>
{
    public long? MinLiveMb { get; private set; }

    public void Add(long liveMb) => MinLiveMb = MinLiveMb is { } m ? Math.Min(m, liveMb) : liveMb;

    public void MergeFrom(MinWindow next)
    {
        if (next.MinLiveMb is { } m)
        {
            Add(m);
        }
    }
}
