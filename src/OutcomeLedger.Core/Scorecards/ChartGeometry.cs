namespace OutcomeLedger.Core.Scorecards;

/// <summary>A rectangle on a chart, in its viewBox units (y down).</summary>
internal readonly record struct ChartBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public bool Overlaps(ChartBox other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public bool Inside(ChartBox outer) => X >= outer.X && Right <= outer.Right && Y >= outer.Y && Bottom <= outer.Bottom;

    /// <summary>Whether the segment passes through the box (Liang–Barsky clipping).</summary>
    public bool Crosses(ChartSegment s)
    {
        double t0 = 0, t1 = 1;
        var dx = s.X2 - s.X1;
        var dy = s.Y2 - s.Y1;
        foreach (var (p, q) in (ReadOnlySpan<(double, double)>)[(-dx, s.X1 - X), (dx, Right - s.X1), (-dy, s.Y1 - Y), (dy, Bottom - s.Y1)])
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            var r = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, r);
            }
            else
            {
                t1 = Math.Min(t1, r);
            }

            if (t0 > t1)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A straight piece of a line drawn on a chart.</summary>
internal readonly record struct ChartSegment(double X1, double Y1, double X2, double Y2);

/// <summary>
/// Where a chart put things, kept so tests can check the layout: the plot area, each text label's box, each value
/// marker's and statement marker's box, and the lines that carry data (the values' line and the reference lines).
/// </summary>
internal sealed class ChartGeometry
{
    public ChartBox Plot { get; set; }

    public List<(string Name, ChartBox Box)> Labels { get; } = [];

    public List<ChartBox> Markers { get; } = [];

    public List<ChartBox> Statements { get; } = [];

    /// <summary>A revision chart's figures, one box per revision, in order (<see cref="ScorecardChart.WriteRevisions"/>).</summary>
    public List<ChartBox> Points { get; } = [];

    public List<ChartSegment> DataLines { get; } = [];

    public List<ChartSegment> ReferenceLines { get; } = [];

    /// <summary>The labels' names that found no free place and were left to the legend.</summary>
    public List<string> Omitted { get; } = [];
}
