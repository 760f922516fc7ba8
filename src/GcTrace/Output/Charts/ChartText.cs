// Makes every piece of text in a plot transparent: the "no labels" render that tests compare against.
using ScottPlot;

namespace GcTrace.Output.Charts;

/// <summary>
/// Hiding by colour rather than by removing labels keeps the layout identical, so the only pixels that differ
/// from the normal render are the glyphs themselves. That is how tests prove text was really drawn.
/// </summary>
internal static class ChartText
{
    public static void Hide(Plot plot)
    {
        plot.Axes.Title.Label.ForeColor = Colors.Transparent;
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            axis.Label.ForeColor = Colors.Transparent;
            axis.TickLabelStyle.ForeColor = Colors.Transparent;
        }
        plot.Legend.FontColor = Colors.Transparent;
        foreach (IPlottable plottable in plot.GetPlottables())
        {
            switch (plottable)
            {
                case ScottPlot.Plottables.Annotation note: note.LabelFontColor = Colors.Transparent; break;
                case ScottPlot.Plottables.Text text: text.LabelFontColor = Colors.Transparent; break;
                case ScottPlot.Plottables.AxisLine line: line.LabelFontColor = Colors.Transparent; break;
            }
        }
    }
}
