// The lowest live heap (and heap goal) seen in one time window: one point of the lower envelope.
namespace GcTrace.Analysis;

internal sealed class MinWindow : IMergeable<MinWindow>
{
    public long? MinLiveMb { get; private set; }

    /// <summary>The lowest heap goal of the window's cycles; the runtime derives it from the exact live heap, so it
    /// resolves small changes of the live heap that its whole-MB figure hides.</summary>
    public long? MinGoalMb { get; private set; }

    public void Add(long liveMb, long? goalMb)
    {
        MinLiveMb = MinLiveMb is { } m ? Math.Min(m, liveMb) : liveMb;
        if (goalMb is { } g)
        {
            MinGoalMb = MinGoalMb is { } mg ? Math.Min(mg, g) : g;
        }
    }

    public void MergeFrom(MinWindow next)
    {
        if (next.MinLiveMb is { } m)
        {
            Add(m, next.MinGoalMb);
        }
    }
}
