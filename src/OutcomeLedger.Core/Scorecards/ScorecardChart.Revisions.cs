using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

// A value's revisions: the same chart engine (scale, grid, markers, label placement, styles) with the revisions in
// order along the x axis instead of time.
public static partial class ScorecardChart
{
    const double RevisionPlotHeight = 150;
    const double RevisionTop = 14;
    const double RevisionBottom = 44;
    const double RevisionInset = 36;

    /// <summary>
    /// An inline SVG chart of one value's revisions: each logged figure in order, from the first to the current, joined
    /// by a line; the current figure filled, the superseded ones hollow, a provisional one ringed by a dashed circle and
    /// labelled "provisional" under its date (its shape and its word, not only a colour). Each figure is labelled
    /// rounded, beside its mark where a free place is found; each has a title with the figure, entry, date and reason.
    /// </summary>
    public static void WriteRevisions(StringBuilder svg, ValueRevisions revisions, TextCatalogue t) => DrawRevisions(svg, revisions, t);

    /// <summary>The revision chart as a file of its own (the dashboard's SVG download and the CLI's <c>--chart</c>).</summary>
    public static string StandaloneRevisions(ValueRevisions revisions, TextCatalogue t)
    {
        var chart = new StringBuilder();
        DrawRevisions(chart, revisions, t);
        return Standalone(chart.ToString());
    }

    internal static ChartGeometry DrawRevisions(StringBuilder svg, ValueRevisions revisions, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(t);
        if (revisions.Revisions.Count == 0)
        {
            throw new ArgumentException("a value's revisions hold at least its first figure", nameof(revisions));
        }

        var f = t.Format;
        var g = new ChartGeometry();
        var list = revisions.Revisions;
        var labels = RevisionFigures(list, f);
        var height = RevisionTop + RevisionPlotHeight + RevisionBottom;
        var (low, high, step) = Scale([.. list.Select(r => (double)r.Figure)]);
        var plotLeft = Left + RevisionInset;
        var plotWidth = Width - Right - RevisionInset - plotLeft;
        double X(int i) => list.Count == 1 ? plotLeft + (plotWidth / 2) : plotLeft + (plotWidth * i / (list.Count - 1));
        double Y(double value) => RevisionTop + (RevisionPlotHeight * (1 - ((value - low) / (high - low))));
        g.Plot = new ChartBox(Left, RevisionTop, Width - Left - Right, RevisionPlotHeight);

        svg.Append("<svg class=\"chart revisions\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-label=\"").Append(HtmlEncoding.Encode(RevisionsTitle(revisions, t))).Append("\">");
        for (var v = low; v <= high + (step / 2); v += step)
        {
            svg.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Y(v))).Append("\" y2=\"").Append(N(Y(v))).Append("\"/>");
            svg.Append("<text class=\"tick\" x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(HtmlEncoding.Encode(f.Value(v))).Append("</text>");
        }

        var axisY = RevisionTop + RevisionPlotHeight;
        svg.Append("<line class=\"axis\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(axisY)).Append("\" y2=\"").Append(N(axisY)).Append("\"/>");

        // Under each revision its date and, when provisional, the word; on a crowded axis every k-th from the current one back.
        var spacing = list.Count == 1 ? plotWidth : plotWidth / (list.Count - 1);
        var widest = Math.Max(list.Max(r => f.Date(r.Date).Length), list.Any(r => r.Provisional) ? t.Provisional.Length : 0) * LabelGlyph;
        var every = Math.Max(1, (int)Math.Ceiling((widest + 8) / spacing));
        for (var i = 0; i < list.Count; i++)
        {
            var x = X(i);
            svg.Append("<line class=\"xtick\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(axisY)).Append("\" y2=\"").Append(N(axisY + 4)).Append("\"/>");
            var labelled = (list.Count - 1 - i) % every == 0;
            if (labelled)
            {
                svg.Append("<text class=\"tick\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(axisY + 16)).Append("\" text-anchor=\"middle\">").Append(HtmlEncoding.Encode(f.Date(list[i].Date))).Append("</text>");
            }

            if (list[i].Provisional && labelled)
            {
                svg.Append("<text class=\"tick provisional-label\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(axisY + 30)).Append("\" text-anchor=\"middle\">").Append(HtmlEncoding.Encode(t.Provisional)).Append("</text>");
            }
        }

        if (list.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"");
            for (var i = 0; i < list.Count; i++)
            {
                svg.Append(N(X(i))).Append(',').Append(N(Y((double)list[i].Figure))).Append(' ');
                if (i > 0)
                {
                    g.DataLines.Add(new ChartSegment(X(i - 1), Y((double)list[i - 1].Figure), X(i), Y((double)list[i].Figure)));
                }
            }

            svg.Append("\"/>");
        }

        var pending = new List<PendingLabel>();
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            var (x, y) = (X(i), Y((double)r.Figure));
            svg.Append("<g class=\"v revision ").Append(r.Current ? "current" : "superseded").Append(r.Provisional ? " provisional" : "").Append("\"><title>")
                .Append(HtmlEncoding.Encode(RevisionTitle(r, labels[i], revisions.Unit, t))).Append("</title>");
            if (r.Provisional)
            {
                svg.Append("<circle class=\"provisional\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"7\"/>");
            }

            svg.Append("<circle class=\"figure\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"4\"/></g>");
            var box = new ChartBox(x - 8, y - 8, 16, 16);
            g.Points.Add(box);
            g.Markers.Add(box);
            pending.Add(new PendingLabel("figure " + (i + 1).ToString(CultureInfo.InvariantCulture), "label figure-label", labels[i], AroundFigure(x, y)));
        }

        foreach (var label in pending)
        {
            Place(svg, g, label);
        }

        svg.Append("</svg>");
        return g;
    }

    /// <summary>The chart's key: current and superseded figures, and the provisional ring when one is provisional.</summary>
    public static void WriteRevisionsLegend(StringBuilder h, ValueRevisions revisions, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(t);
        h.Append("<ul class=\"legend\" aria-label=\"").Append(HtmlEncoding.Encode(t.Legend)).Append("\">");
        h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"revision current\"><circle class=\"figure\" cx=\"8\" cy=\"8\" r=\"4\"/></g></svg>").Append(HtmlEncoding.Encode(t.Chart.CurrentFigure)).Append("</li>");
        if (revisions.Revisions.Any(r => !r.Current))
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"revision superseded\"><circle class=\"figure\" cx=\"8\" cy=\"8\" r=\"4\"/></g></svg>").Append(HtmlEncoding.Encode(t.Chart.SupersededFigure)).Append("</li>");
        }

        if (revisions.Revisions.Any(r => r.Provisional))
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"v\"><circle class=\"provisional\" cx=\"8\" cy=\"8\" r=\"6\"/></g></svg>").Append(HtmlEncoding.Encode(t.Provisional)).Append("</li>");
        }

        h.Append("</ul>");
    }

    /// <summary>
    /// A value's revisions as CSV (the chart's data download): one row per figure in order, exact (invariant culture),
    /// with its entry, reporter, release, recording date, provisional flag, the entry it corrected and the reason.
    /// </summary>
    public static string RevisionsCsv(ValueRevisions revisions, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(t);
        var csv = new StringBuilder();
        var dimensions = revisions.Dimensions.Keys.Order(StringComparer.Ordinal).ToList();
        var header = new List<string> { t.Chart.Revision, t.Period };
        header.AddRange(dimensions);
        header.AddRange([t.Value, t.Unit, t.Reporter, t.Chart.Release, t.Chart.Recorded, t.Provisional, t.Chart.CurrentFigure, t.Chart.Corrects, t.Chart.CorrectionReason, t.Entry]);
        CsvRow(csv, header);
        for (var i = 0; i < revisions.Revisions.Count; i++)
        {
            var r = revisions.Revisions[i];
            var row = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), revisions.Period.ToString() };
            row.AddRange(dimensions.Select(d => revisions.Dimensions[d]));
            row.AddRange([
                Exact(r.Figure), revisions.Unit, r.Reporter.Value, r.Release?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Provisional ? t.Yes : t.No, r.Current ? t.Yes : t.No,
                r.Supersedes?.ToString(CultureInfo.InvariantCulture) ?? "", r.Reason ?? "", r.Entry.ToString(CultureInfo.InvariantCulture)]);
            CsvRow(csv, row);
        }

        return csv.ToString();
    }

    /// <summary>A revision download's file name: the indicator's id, the period, the dimension values, "revisions", then the extension.</summary>
    public static string RevisionsFileName(ValueRevisions revisions, string extension)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var name = new StringBuilder();
        var parts = new List<string> { revisions.Indicator.Value, revisions.Period.ToString() };
        parts.AddRange(revisions.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value));
        parts.Add("revisions");
        foreach (var part in parts)
        {
            if (name.Length > 0)
            {
                name.Append('-');
            }

            foreach (var c in part)
            {
                name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
            }
        }

        return name.Append('.').Append(extension).ToString();
    }

    /// <summary>"Revisions of {indicator}, {period}" with the dimension values, in the reader's language.</summary>
    public static string RevisionsTitle(ValueRevisions revisions, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(t);
        var dims = revisions.Dimensions.Count == 0 ? "" : " (" + string.Join(", ", revisions.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + ": " + d.Value)) + ")";
        return TextCatalogue.Fill(t.Chart.RevisionsOf, ("indicator", revisions.IndicatorName), ("period", t.Format.Period(revisions.Period.ToString()))) + dims;
    }

    /// <summary>
    /// Each revision's figure for people: rounded, unless rounding makes two different figures of the value look the
    /// same (a small revision), when every figure is shown as logged.
    /// </summary>
    public static IReadOnlyList<string> RevisionFigures(IReadOnlyList<ValueRevision> revisions, LocalFormat f)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(f);
        var rounded = revisions.Select(r => f.Figure(r.Figure)).ToList();
        var clash = revisions.Select((r, i) => (r.Figure, Shown: rounded[i])).GroupBy(p => p.Shown, StringComparer.Ordinal).Any(grp => grp.Select(p => p.Figure).Distinct().Count() > 1);
        return clash ? [.. revisions.Select(r => f.Exact(r.Figure))] : rounded;
    }

    static string RevisionTitle(ValueRevision r, string figure, string unit, TextCatalogue t)
    {
        var title = new StringBuilder().Append(figure).Append(' ').Append(unit).Append(", ").Append(t.Format.Date(r.Date))
            .Append(" (").Append(t.Entry).Append(" #").Append(r.Entry.ToString(CultureInfo.InvariantCulture)).Append(')');
        if (r.Provisional)
        {
            title.Append(", ").Append(t.Provisional);
        }

        title.Append(", ").Append(r.Current ? t.Chart.CurrentFigure : t.Chart.SupersededFigure);
        if (r.Reason is { } reason)
        {
            title.Append(" — ").Append(reason);
        }

        return title.ToString();
    }

    /// <summary>Places for a figure's label: above, below, then right and left of its mark.</summary>
    static List<(double X, double Y, Anchor Anchor)> AroundFigure(double x, double y) =>
    [
        (x, y - 11, Anchor.Middle), (x, y + 20, Anchor.Middle), (x + 10, y + 4, Anchor.Start), (x - 10, y + 4, Anchor.End),
        (x, y - 23, Anchor.Middle), (x, y + 32, Anchor.Middle), (x + 10, y - 8, Anchor.Start), (x - 10, y - 8, Anchor.End),
    ];
}
