using System.Globalization;
using MovingCities.Web.Commitments;

namespace MovingCities.Web.Statistics;

/// <summary>
/// Geometry of the statistics page's charts, drawn on the server as SVG (<c>Pages/Statistics/_ColumnChart</c>,
/// <c>_BarChart</c>): they print and need no script. Coordinates are in the viewBox's units; the SVG scales to
/// its box. Numbers in attributes go through <see cref="N"/>, never the page's culture (a German 12,5 is no length).
/// </summary>
public static class Charts
{
    public const int Width = 640;

    /// <summary>Colours per status, told apart without red–green (Okabe–Ito); revoked and rejected in greys.</summary>
    public static string StatusColor(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Announced => "#e69f00",
        CommitmentStatus.Decided => "#56b4e9",
        CommitmentStatus.Implemented => "#009e73",
        CommitmentStatus.Revoked => "#8a8a8a",
        _ => "#c8c8c8",
    };

    /// <summary>A number for an SVG attribute: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The axis maximum and the step between grid lines: a step of 1, 2 or 5 times a power of ten, so that at most
    /// <paramref name="maxTicks"/> steps reach <paramref name="max"/>.
    /// </summary>
    public static (int Top, int Step) Axis(int max, int maxTicks = 5)
    {
        if (max <= 0)
            return (1, 1);
        var step = 1;
        for (var power = 1; ; power *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                step = factor * power;
                if ((max + step - 1) / step <= maxTicks)
                    return ((max + step - 1) / step * step, step);
            }
        }
    }
}

/// <summary>One column per category (a year), counted from zero.</summary>
/// <param name="width">The viewBox's width: about the width the chart is shown at, so its 12-unit text reads as 12 pixels.</param>
public sealed class ColumnChart(IReadOnlyList<(string Label, int Value)> columns, string color, int width = Charts.Width)
{
    public const int Height = 240;
    const int Left = 40, Right = 8, Top = 12, Bottom = 28;

    /// <summary>The SVG's <c>&lt;title&gt;</c>; <see cref="Description"/> is its <c>aria-label</c>, saying what it shows and where the numbers are.</summary>
    public required string Title { get; init; }
    public required string Description { get; init; }

    public IReadOnlyList<(string Label, int Value)> Columns { get; } = columns;
    public string Color { get; } = color;
    public (int Top, int Step) Axis { get; } = Charts.Axis(columns.Count == 0 ? 0 : columns.Max(c => c.Value));

    public int Width { get; } = width;
    public static double PlotLeft => Left;
    public double PlotRight => Width - Right;
    public static double Baseline => Height - Bottom;

    public IEnumerable<int> Ticks => Enumerable.Range(0, Axis.Top / Axis.Step + 1).Select(i => i * Axis.Step);

    public double Y(int value) => Baseline - (Baseline - Top) * value / Axis.Top;

    double Slot => (PlotRight - PlotLeft) / Math.Max(1, Columns.Count);

    public double X(int index) => PlotLeft + Slot * index + Slot * 0.15;
    public double BarWidth => Slot * 0.7;
    public double Center(int index) => PlotLeft + Slot * (index + 0.5);

    /// <summary>Every column is labelled while labels fit; past that every second (or third…), from the first.</summary>
    public bool Labelled(int index)
    {
        var every = (int)Math.Ceiling(38 / Slot);
        return every <= 1 || index % every == 0;
    }
}

/// <summary>Horizontal bars, one per row with its label above it; a bar may be stacked from segments.</summary>
/// <param name="Apart">Drawn after a gap, outside the bar's counted length (revoked and rejected items).</param>
public sealed record BarSegment(int Value, string Color, bool Apart = false);

public sealed record BarRow(string Label, string? Lang, int Value, IReadOnlyList<BarSegment> Segments);

/// <param name="width">The viewBox's width: about the width the chart is shown at, so its 12-unit text reads as 12 pixels.</param>
/// <param name="labelWidth">Room for the labels left of the bars; 0 puts each label above its bar (long titles).</param>
public sealed class BarChart(IReadOnlyList<BarRow> rows, int width = Charts.Width, int labelWidth = 0)
{
    const int Right = 44, Gap = 6;

    /// <inheritdoc cref="ColumnChart.Title"/>
    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>What the colours mean, when the bars are stacked.</summary>
    public IReadOnlyList<(string Label, string Color)> Legend { get; init; } = [];

    public IReadOnlyList<BarRow> Rows { get; } = rows;

    public int Width { get; } = width;
    public int LabelWidth { get; } = labelWidth;
    public bool LabelsAbove => LabelWidth == 0;
    public int RowHeight => LabelsAbove ? 36 : 22;
    public int Height => Rows.Count * RowHeight + 4;
    public const int BarHeight = 13;

    /// <summary>The widest row, apart segments included, fills the width less room for the number after it.</summary>
    int Longest => Math.Max(1, Rows.Count == 0 ? 1 : Rows.Max(r => r.Segments.Sum(s => s.Value)));

    double BarLeft => LabelsAbove ? 4 : LabelWidth;
    double Scale => (Width - BarLeft - Right - Gap) / Longest;

    public double LabelX => LabelsAbove ? 4 : LabelWidth - 6;
    public double LabelY(int row) => row * RowHeight + (LabelsAbove ? 14 : 15);
    public double BarY(int row) => row * RowHeight + (LabelsAbove ? 19 : 4);

    /// <summary>Each drawn segment's start and width; zero-valued ones are left out.</summary>
    public IEnumerable<(BarSegment Segment, double X, double Width)> Layout(BarRow row)
    {
        var x = BarLeft;
        var apart = false;
        foreach (var segment in row.Segments)
        {
            if (segment.Apart && !apart && row.Segments.Any(s => s.Apart && s.Value > 0))
            {
                apart = true;
                x += Gap;
            }
            if (segment.Value == 0)
                continue;
            var width = segment.Value * Scale;
            yield return (segment, x, width);
            x += width;
        }
    }

    public double End(BarRow row) => Layout(row).Select(s => s.X + s.Width).DefaultIfEmpty(BarLeft).Max() + 4;
}
