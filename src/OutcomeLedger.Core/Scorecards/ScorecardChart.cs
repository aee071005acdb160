using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// An inline SVG chart of one series on its commitment's time axis: values marked by verification status (each
/// status its own shape, not only its own colour), disputed figures beside the reported ones, the baseline, the
/// target path and targets, the commitment date and the statements. Layout only: every number comes from the model.
/// Shared by the HTML scorecard and the server's dashboard, which style it with <see cref="Css"/>.
/// </summary>
public static partial class ScorecardChart
{
    /// <summary>
    /// The chart's and legend's styles (they read the page's <c>--muted</c> colour). Colours from the Okabe–Ito palette,
    /// safe for the common colour-vision deficiencies, and never alone: each status has its own shape, each line its own
    /// dash, and the lines a label or a legend entry. The pack's PDF reader ignores stylesheets: it gets these as
    /// presentation attributes (<c>Reports.InlineSvg</c>).
    /// </summary>
    public const string Css = """
        svg.chart{width:100%;height:auto;display:block;margin:.5rem 0;font-size:11px}
        svg .grid{stroke:#e4e7eb}svg .axis{stroke:#9aa5b1}svg .xtick{stroke:#9aa5b1}svg .tick{fill:#52606d}svg .label{fill:#1f2933;font-size:10px}
        svg .commitment{stroke:#1f2933;stroke-dasharray:2 3}svg .baseline{stroke:#52606d;stroke-width:2;stroke-dasharray:8 4}
        svg .path{stroke:#009e73;stroke-width:2;stroke-dasharray:2 3}svg .target path{fill:#009e73;stroke:#1f2933;stroke-width:.75}svg .target.illustrative path{fill:#fff;stroke:#d55e00;stroke-width:1.5}
        svg .projection{stroke:#cc79a7;stroke-width:2;stroke-dasharray:7 4}svg .projection-label{fill:#8f3f6e}
        svg .statement circle{fill:#1f2933}svg .statement text{fill:#fff;font-size:10px;font-weight:700}
        svg .line{fill:none;stroke:#9aa5b1;stroke-width:1.25}svg.spark{display:inline-block;vertical-align:middle;overflow:visible}svg.spark .line{stroke:#1f2933;stroke-width:1.5}svg.spark .baseline{stroke-width:1}
        svg .v circle,svg .v rect,svg .v path{stroke-width:1.5}
        svg .self-reported circle{fill:#fff;stroke:#52606d}svg .acknowledged circle{fill:#56b4e9;stroke:#0072b2}
        svg .verified rect{fill:#0072b2;stroke:#0072b2}svg .resolved path{fill:#009e73;stroke:#006d51}
        svg .disputed path{fill:#fff;stroke:#d55e00}svg .verification-failed path{fill:none;stroke:#e69f00;stroke-width:2}
        svg .v .cross.other{fill:none;stroke:#d55e00;stroke-width:1.5}svg .v circle.other{fill:#fff;stroke:#009e73}
        svg .v circle.provisional{fill:none;stroke:#e69f00;stroke-width:1.25;stroke-dasharray:2 2}
        svg .link{stroke:#d55e00;stroke-dasharray:2 2}svg .uncounted{opacity:.5}
        svg .revision circle.figure{fill:#0072b2;stroke:#0072b2}svg .revision.superseded circle.figure{fill:#fff;stroke:#52606d}svg .revision .figure-label{fill:#1f2933;font-size:10px}
        ul.legend{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--muted)}
        ul.legend svg{width:16px;height:16px;vertical-align:-3px;margin-right:.25rem}
        """;

    const double Width = 720;
    const double Left = 72;
    const double Right = 16;
    const double PlotHeight = 188;
    const double Bottom = 28;
    const double StatementY = 12;
    const double StatementRadius = 8;
    const double Lane = 19;
    const double LabelGlyph = 6.2;
    const int CachedTenths = 8000;

    static readonly string?[] Coordinates = new string?[CachedTenths];

    public static void Write(StringBuilder svg, ScorecardIndicator indicator, ScorecardSeries series, ScorecardCommitment commitment, TimeAxis axis, TextCatalogue t) =>
        Draw(svg, indicator, series, commitment, axis, t);

    /// <summary>
    /// Draws the chart and returns where everything went. Statements days apart take the next free lane above the plot,
    /// so no number hides another; each text label takes the first of its candidate places that lies in the plot and
    /// touches no value, no line and no other label, and is left to the legend when none is free.
    /// </summary>
    internal static ChartGeometry Draw(StringBuilder svg, ScorecardIndicator indicator, ScorecardSeries series, ScorecardCommitment commitment, TimeAxis axis, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(t);
        var f = t.Format;
        var g = new ChartGeometry();
        // Each value's place in time, read once (a chart of 120 values is drawn twice for every series of a scorecard).
        var middles = new Dictionary<ScorecardPoint, DateOnly>(series.Points.Count, ReferenceEqualityComparer.Instance);
        foreach (var p in series.Points)
        {
            if (Period.TryParse(p.Period, out var period) && Middle(period) is var middle && axis.Contains(middle))
            {
                middles[p] = middle;
            }
        }

        var shown = series.Points.Where(middles.ContainsKey).ToList();
        var headline = series.Dimensions.Count == 0;
        var targets = headline ? indicator.Targets.Where(x => x.TargetValue is not null && axis.Contains(x.By)).ToList() : [];
        var projection = Projection(series);
        var values = new List<double>();
        foreach (var p in shown)
        {
            values.Add((double)p.Reported);
            values.Add((double)p.Stands);
            foreach (var a in p.Attestations)
            {
                if (a.Figure is { } figure)
                {
                    values.Add((double)figure);
                }
            }
        }

        if (headline && indicator.Baseline?.Value is { } baseline)
        {
            values.Add(baseline);
        }

        values.AddRange(targets.Select(x => x.TargetValue!.Value));
        if (series.Statistics.TargetPath is { } path)
        {
            values.Add(path.FromValue);
            values.Add(path.ToValue);
        }

        if (projection is { } pr)
        {
            values.Add(pr.FromValue);
            values.Add(pr.ToValue);
        }

        // The statements' lanes above the plot: a statement too close to the last one in a lane takes the next lane.
        var statements = Lanes(commitment, axis);
        var lanes = statements.Count == 0 ? 1 : statements.Max(s => s.Lane) + 1;
        var top = StatementY + ((lanes - 1) * Lane) + StatementRadius + 12;
        var height = top + PlotHeight + Bottom;
        var (low, high, step) = Scale(values);
        double X(DateOnly date) => Left + ((Width - Left - Right) * axis.Fraction(date));
        double Y(double value) => top + (PlotHeight * (1 - ((value - low) / (high - low))));
        g.Plot = new ChartBox(Left, top, Width - Left - Right, PlotHeight);

        svg.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-label=\"").Append(HtmlEncoding.Encode(t.ChartAlt + ": " + indicator.Name)).Append("\">");

        // Grid and value axis.
        for (var v = low; v <= high + (step / 2); v += step)
        {
            svg.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Y(v))).Append("\" y2=\"").Append(N(Y(v))).Append("\"/>");
            svg.Append("<text class=\"tick\" x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(HtmlEncoding.Encode(f.Value(v))).Append("</text>");
        }

        // Time axis: one tick a year (a quarter on short spans, a month on the shortest).
        var spanMonths = ((axis.To.Year - axis.From.Year) * 12) + axis.To.Month - axis.From.Month;
        var tickMonths = spanMonths > 30 ? 12 : spanMonths > 9 ? 3 : 1;
        for (var d = new DateOnly(axis.From.Year, 1, 1); d <= axis.To; d = d.AddMonths(tickMonths))
        {
            if (d < axis.From)
            {
                continue;
            }

            var x = X(d);
            svg.Append("<line class=\"xtick\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(height - Bottom)).Append("\" y2=\"").Append(N(height - Bottom + 4)).Append("\"/>");
            var label = tickMonths == 12 ? d.Year.ToString(CultureInfo.InvariantCulture) : f.Period(Period.Month(d.Year, d.Month).ToString());
            if (x + 3 + (label.Length * LabelGlyph) > Width)
            {
                // A label that would run off the right edge is left out; its tick stays.
                continue;
            }

            svg.Append("<text class=\"tick\" x=\"").Append(N(x + 3)).Append("\" y=\"").Append(N(height - 8)).Append("\">").Append(HtmlEncoding.Encode(label)).Append("</text>");
        }

        svg.Append("<line class=\"axis\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(height - Bottom)).Append("\" y2=\"").Append(N(height - Bottom)).Append("\"/>");

        // The rhetoric on the same axis: the commitment date and the numbered statements, each in its lane.
        var made = axis.Contains(commitment.MadeOn) ? X(commitment.MadeOn) : (double?)null;
        if (made is { } m)
        {
            svg.Append("<line class=\"commitment\" x1=\"").Append(N(m)).Append("\" x2=\"").Append(N(m)).Append("\" y1=\"").Append(N(top - 6)).Append("\" y2=\"").Append(N(height - Bottom)).Append("\"/>");
            g.ReferenceLines.Add(new ChartSegment(m, top - 6, m, height - Bottom));
        }

        foreach (var (number, x, lane, s) in statements)
        {
            var y = StatementY + (lane * Lane);
            svg.Append("<g class=\"statement\"><title>").Append(HtmlEncoding.Encode($"{number}. {f.Date(s.Date)}: {s.Title}")).Append("</title>");
            svg.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"").Append(N(StatementRadius)).Append("\"/><text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y + 4)).Append("\" text-anchor=\"middle\">").Append(number).Append("</text></g>");
            g.Statements.Add(new ChartBox(x - StatementRadius, y - StatementRadius, 2 * StatementRadius, 2 * StatementRadius));
        }

        // Baseline over its periods, the target path, the projected trend, and each target.
        var pending = new List<PendingLabel>();
        if (headline && indicator.Baseline is { Value: { } baseValue } b && Period.TryParse(b.From, out var bFrom) && Period.TryParse(b.To, out var bTo)
            && bTo.End >= axis.From && bFrom.Start <= axis.To)
        {
            var y = Y(baseValue);
            var x1 = X(bFrom.Start < axis.From ? axis.From : bFrom.Start);
            var x2 = X(bTo.End > axis.To ? axis.To : bTo.End);
            svg.Append("<line class=\"baseline\" x1=\"").Append(N(x1)).Append("\" x2=\"").Append(N(x2)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y)).Append("\"><title>")
                .Append(HtmlEncoding.Encode($"{t.Baseline}: {f.Value(baseValue)} {indicator.Unit}")).Append("</title></line>");
            g.ReferenceLines.Add(new ChartSegment(x1, y, x2, y));
            pending.Add(new PendingLabel("baseline", "label baseline-label", t.Baseline, AlongLine(x1, y, x2, y)));
        }

        if (series.Statistics.TargetPath is { } tp && Clip(axis, tp.From, tp.FromValue, tp.To, tp.ToValue) is { } clipped)
        {
            var (x1, y1, x2, y2) = (X(clipped.From), Y(clipped.FromValue), X(clipped.To), Y(clipped.ToValue));
            svg.Append("<line class=\"path\" x1=\"").Append(N(x1)).Append("\" x2=\"").Append(N(x2)).Append("\" y1=\"").Append(N(y1)).Append("\" y2=\"").Append(N(y2)).Append("\"><title>")
                .Append(HtmlEncoding.Encode(t.TargetPath)).Append("</title></line>");
            g.ReferenceLines.Add(new ChartSegment(x1, y1, x2, y2));
        }

        if (projection is { } pj && Clip(axis, pj.From, pj.FromValue, pj.To, pj.ToValue) is { } shownProjection)
        {
            var (x1, y1, x2, y2) = (X(shownProjection.From), Y(shownProjection.FromValue), X(shownProjection.To), Y(shownProjection.ToValue));
            svg.Append("<line class=\"projection\" x1=\"").Append(N(x1)).Append("\" x2=\"").Append(N(x2)).Append("\" y1=\"").Append(N(y1)).Append("\" y2=\"").Append(N(y2)).Append("\"><title>")
                .Append(HtmlEncoding.Encode($"{t.Chart.ProjectedTrend}: {f.Value(pj.ToValue)} {indicator.Unit}, {f.Period(pj.Last)}")).Append("</title></line>");
            g.ReferenceLines.Add(new ChartSegment(x1, y1, x2, y2));
            pending.Add(new PendingLabel("projection", "label projection-label", t.Chart.ProjectedTrendShort, AlongLine(x2, y2, x1, y1)));
        }

        foreach (var target in targets)
        {
            var x = X(target.By);
            var y = Y(target.TargetValue!.Value);
            var illustrative = target.Basis == TargetBasis.Illustrative;
            svg.Append("<g class=\"target").Append(illustrative ? " illustrative" : "").Append("\"><title>")
                .Append(HtmlEncoding.Encode($"{t.Target}: {f.Value(target.TargetValue.Value)} {indicator.Unit}, {f.Date(target.By)}{(illustrative ? " — " + t.Illustrative : "")}")).Append("</title>");
            svg.Append("<path d=\"M").Append(N(x)).Append(' ').Append(N(y - 9)).Append("l4 6h5l-4 4 2 6-7-4-7 4 2-6-4-4h5z\" transform=\"translate(0 3)\"/></g>");
            g.Markers.Add(new ChartBox(x - 9, y - 6, 18, 16));
            pending.Add(new PendingLabel("target", "label target-label", t.Target + (illustrative ? " (" + t.IllustrativeShort + ")" : ""), AroundPoint(x, y + 2, 11)));
        }

        // The line through the values that count, then every value marked by its status.
        var counted = shown.Where(p => p.CountsTowardTrend).ToList();
        if (counted.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"");
            for (var i = 0; i < counted.Count; i++)
            {
                var (x, y) = (X(middles[counted[i]]), Y((double)counted[i].Stands));
                svg.Append(N(x)).Append(',').Append(N(y)).Append(' ');
                if (i > 0)
                {
                    g.DataLines.Add(new ChartSegment(X(middles[counted[i - 1]]), Y((double)counted[i - 1].Stands), x, y));
                }
            }

            svg.Append("\"/>");
        }

        foreach (var p in shown)
        {
            var x = X(middles[p]);
            var y = Y((double)p.Stands);
            svg.Append("<g class=\"v ").Append(StatusClass(p.Status)).Append(p.CountsTowardTrend ? "" : " uncounted").Append("\"><title>")
                .Append(HtmlEncoding.Encode($"{f.Period(p.Period)}: {f.Figure(p.Stands)} {indicator.Unit}{(p.Provisional ? $" ({t.Provisional})" : "")} — {t.StatusName(p.Status)} — {t.Entry} #{p.Entry.Index}")).Append("</title>");
            if (p.Provisional)
            {
                // A value the source still revises: a dashed ring around its marker.
                svg.Append("<circle class=\"provisional\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"7\"/>");
            }

            foreach (var a in p.Attestations)
            {
                if (a.Figure is null || a.Figure == p.Stands)
                {
                    continue;
                }

                // The other figure of a dispute (or the reported one after a resolution), joined to the one that stands.
                var other = Y((double)a.Figure!.Value);
                svg.Append("<line class=\"link\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(other)).Append("\"/>");
                Cross(svg, x, other, 3.5, "other");
                g.DataLines.Add(new ChartSegment(x, y, x, other));
                g.Markers.Add(new ChartBox(x - 4.5, other - 4.5, 9, 9));
            }

            if (p.Reported != p.Stands)
            {
                var reported = Y((double)p.Reported);
                svg.Append("<line class=\"link\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(reported)).Append("\"/>");
                svg.Append("<circle class=\"other\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(reported)).Append("\" r=\"3\"/>");
                g.DataLines.Add(new ChartSegment(x, y, x, reported));
                g.Markers.Add(new ChartBox(x - 4, reported - 4, 8, 8));
            }

            Marker(svg, p.Status, x, y);
            svg.Append("</g>");
            g.Markers.Add(new ChartBox(x - 7, y - 7, 14, 14));
        }

        // The labels last, where they touch nothing: the commitment's first, by its line at the top of the plot.
        if (made is { } at)
        {
            var candidates = new List<(double X, double Y, Anchor Anchor)>();
            for (var y = top + 11; y < height - Bottom - 2; y += 12)
            {
                candidates.Add((at + 4, y, Anchor.Start));
                candidates.Add((at - 4, y, Anchor.End));
            }

            pending.Insert(0, new PendingLabel("commitment", "label", t.CommitmentMarker, candidates));
        }

        foreach (var label in pending)
        {
            Place(svg, g, label);
        }

        svg.Append("</svg>");
        return g;
    }

    /// <summary>
    /// The segmented regression's projected no-commitment trend, from the first period after the start to the last
    /// period fitted: the straight line through the projection at the last period with the slope before. With month
    /// effects the projection at the last period holds that month's effect; the line carries it through.
    /// </summary>
    internal static (DateOnly From, double FromValue, DateOnly To, double ToValue, string Last)? Projection(ScorecardSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Statistics.SegmentedRegression is not { } r || !Period.TryParse(series.Statistics.Intervention, out var start))
        {
            return null;
        }

        var end = series.Window is { } w && Period.TryParse(w.To, out var to) ? to : (Period?)null;
        Period? latest = null;
        foreach (var p in series.Points)
        {
            if (p.CountsTowardTrend && Period.TryParse(p.Period, out var pp) && (end is null || pp <= end.Value) && (latest is null || pp > latest.Value))
            {
                latest = pp;
            }
        }

        if (latest is not { } last)
        {
            return null;
        }

        var months = SeriesAssessment.MonthOf(last).MonthsSince(SeriesAssessment.MonthOf(start));
        if (months <= 0)
        {
            return null;
        }

        var fromValue = r.CounterfactualAtLastPeriod - (r.PreTrend.Value * months);
        return (Middle(start), fromValue, Middle(last), r.CounterfactualAtLastPeriod, last.ToString());
    }

    static (DateOnly From, double FromValue, DateOnly To, double ToValue)? Clip(TimeAxis axis, DateOnly from, double fromValue, DateOnly to, double toValue)
    {
        if (to < axis.From || from > axis.To || to <= from)
        {
            return null;
        }

        double At(DateOnly d) => fromValue + ((toValue - fromValue) * (d.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber));
        var a = from < axis.From ? axis.From : from;
        var b = to > axis.To ? axis.To : to;
        return (a, At(a), b, At(b));
    }

    enum Anchor
    {
        Start,
        Middle,
        End,
    }

    sealed record PendingLabel(string Name, string Class, string Text, List<(double X, double Y, Anchor Anchor)> Candidates);

    /// <summary>Places along a line from its first end toward the other, above then below it.</summary>
    static List<(double X, double Y, Anchor Anchor)> AlongLine(double x1, double y1, double x2, double y2)
    {
        var list = new List<(double, double, Anchor)>();
        var forward = x2 >= x1;
        foreach (var fraction in (ReadOnlySpan<double>)[0, 0.2, 0.4, 0.6, 0.8])
        {
            var x = x1 + ((x2 - x1) * fraction);
            var y = y1 + ((y2 - y1) * fraction);
            var anchor = forward ? Anchor.Start : Anchor.End;
            var dx = forward ? 2 : -2;
            list.Add((x + dx, y - 6, anchor));
            list.Add((x + dx, y + 14, anchor));
            list.Add((x + dx, y - 16, anchor));
            list.Add((x + dx, y + 24, anchor));
        }

        return list;
    }

    /// <summary>Places around a point: left, below-left, above-left, right, below, above, then further out.</summary>
    static List<(double X, double Y, Anchor Anchor)> AroundPoint(double x, double y, double r)
    {
        var list = new List<(double, double, Anchor)>();
        foreach (var d in (ReadOnlySpan<double>)[0, 12, 24])
        {
            list.Add((x - r - 2 - d, y + 4, Anchor.End));
            list.Add((x - r - d, y + r + 12 + d, Anchor.End));
            list.Add((x - r - d, y - r - 4 - d, Anchor.End));
            list.Add((x + r + 2 + d, y + 4, Anchor.Start));
            list.Add((x, y + r + 14 + d, Anchor.Middle));
            list.Add((x, y - r - 6 - d, Anchor.Middle));
        }

        return list;
    }

    /// <summary>The box a 10px label takes: a generous average glyph width, from the cap height to below the baseline.</summary>
    internal static ChartBox LabelBox(string text, double x, double y, string anchor)
    {
        var width = (text.Length * LabelGlyph) + 2;
        var left = anchor switch { "end" => x - width, "middle" => x - (width / 2), _ => x };
        return new ChartBox(left, y - 9, width, 12);
    }

    static void Place(StringBuilder svg, ChartGeometry g, PendingLabel label)
    {
        foreach (var (x, y, anchor) in label.Candidates)
        {
            var a = anchor switch { Anchor.End => "end", Anchor.Middle => "middle", _ => "start" };
            var box = LabelBox(label.Text, x, y, a);
            if (!box.Inside(g.Plot) || g.Markers.Any(box.Overlaps) || g.Labels.Any(l => box.Overlaps(l.Box))
                || g.DataLines.Any(box.Crosses) || g.ReferenceLines.Any(box.Crosses))
            {
                continue;
            }

            svg.Append("<text class=\"").Append(label.Class).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
            if (anchor != Anchor.Start)
            {
                svg.Append(" text-anchor=\"").Append(a).Append('"');
            }

            svg.Append('>').Append(HtmlEncoding.Encode(label.Text)).Append("</text>");
            g.Labels.Add((label.Name, box));
            return;
        }

        g.Omitted.Add(label.Name);
    }

    /// <summary>Each statement on the axis with its number, x and lane: a statement less than a marker apart from the last in a lane goes to the next.</summary>
    static List<(int Number, double X, int Lane, ScorecardStatement Statement)> Lanes(ScorecardCommitment commitment, TimeAxis axis)
    {
        var lanes = new List<double>();
        var placed = new List<(int, double, int, ScorecardStatement)>();
        for (var i = 0; i < commitment.Statements.Count; i++)
        {
            var s = commitment.Statements[i];
            if (!axis.Contains(s.Date))
            {
                continue;
            }

            var x = Left + ((Width - Left - Right) * axis.Fraction(s.Date));
            var free = lanes.FindIndex(last => Math.Abs(x - last) >= (2 * StatementRadius) + 2);
            if (free < 0)
            {
                lanes.Add(x);
                free = lanes.Count - 1;
            }

            lanes[free] = x;
            placed.Add((i + 1, x, free, s));
        }

        return placed;
    }

    /// <summary>The key to a chart: the shapes of the statuses shown, the dispute cross, baseline, target path and commitment date.</summary>
    public static void WriteLegend(StringBuilder h, ScorecardSeries s, ScorecardIndicator i, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(t);
        h.Append("<ul class=\"legend\" aria-label=\"").Append(HtmlEncoding.Encode(t.Legend)).Append("\">");
        foreach (var status in s.Points.Select(p => p.Status).Distinct().Order())
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"v ").Append(StatusClass(status)).Append("\">");
            Marker(h, status, 8, 8);
            h.Append("</g></svg>").Append(HtmlEncoding.Encode(t.StatusName(status))).Append("</li>");
        }

        if (s.Disputed > 0 || s.Points.Any(p => p.Status == VerificationStatus.Resolved))
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"v\"><path class=\"cross other\" d=\"M4.5 4.5l7 7m-7 0l7-7\"/></g></svg>").Append(HtmlEncoding.Encode(t.DisputedFigure)).Append("</li>");
        }

        if (s.Points.Any(p => p.Provisional))
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"v\"><circle class=\"provisional\" cx=\"8\" cy=\"8\" r=\"6\"/></g></svg>").Append(HtmlEncoding.Encode(t.Provisional)).Append("</li>");
        }

        if (s.Dimensions.Count == 0 && i.Baseline?.Value is not null)
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><line class=\"baseline\" x1=\"0\" x2=\"16\" y1=\"8\" y2=\"8\"/></svg>").Append(HtmlEncoding.Encode(t.Baseline)).Append("</li>");
        }

        if (s.Statistics.TargetPath is not null)
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><line class=\"path\" x1=\"0\" x2=\"16\" y1=\"12\" y2=\"4\"/></svg>").Append(HtmlEncoding.Encode(t.TargetPath));
            if (s.Statistics.TargetPath.Basis == TargetBasis.Illustrative)
            {
                h.Append(" (<span class=\"illustrative\">").Append(HtmlEncoding.Encode(t.IllustrativeShort)).Append("</span>)");
            }

            h.Append("</li>");
        }

        if (Projection(s) is not null)
        {
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><line class=\"projection\" x1=\"0\" x2=\"16\" y1=\"11\" y2=\"5\"/></svg>").Append(HtmlEncoding.Encode(t.Chart.ProjectedTrend)).Append("</li>");
        }

        if (s.Dimensions.Count == 0 && i.Targets.Any(x => x.TargetValue is not null))
        {
            var illustrative = i.Targets.Where(x => x.TargetValue is not null).All(x => x.Basis == TargetBasis.Illustrative);
            h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><g class=\"target").Append(illustrative ? " illustrative" : "").Append("\"><path d=\"M8 1.5l3 4.5h4l-3 3 1.5 4.5-5.5-3-5.5 3 1.5-4.5-3-3h4z\"/></g></svg>")
                .Append(HtmlEncoding.Encode(t.Target)).Append("</li>");
        }

        h.Append("<li><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><line class=\"commitment\" x1=\"8\" x2=\"8\" y1=\"0\" y2=\"16\"/></svg>").Append(HtmlEncoding.Encode(t.CommitmentMarker)).Append("</li></ul>");
    }

    /// <summary>
    /// The commitment's statements on a strip that shares the charts' time axis and margins: each statement's number
    /// (as on the charts) at its date, so the rhetoric lines up with the values drawn below it.
    /// </summary>
    public static void WriteTimeline(StringBuilder svg, ScorecardCommitment commitment, TimeAxis axis, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(t);
        // Statements days apart would hide each other: a later one moves to the next free lane below.
        const double lane = 22;
        var lanes = new List<double>();
        var placed = new List<(int Number, double X, int Lane, ScorecardStatement Statement)>();
        for (var i = 0; i < commitment.Statements.Count; i++)
        {
            var s = commitment.Statements[i];
            if (!axis.Contains(s.Date))
            {
                continue;
            }

            var x = Left + ((Width - Left - Right) * axis.Fraction(s.Date));
            var free = lanes.FindIndex(last => Math.Abs(x - last) >= 20);
            if (free < 0)
            {
                lanes.Add(x);
                free = lanes.Count - 1;
            }

            lanes[free] = x;
            placed.Add((i + 1, x, free, s));
        }

        var height = 40 + (Math.Max(1, lanes.Count) * lane);
        double X(DateOnly date) => Left + ((Width - Left - Right) * axis.Fraction(date));
        svg.Append("<svg class=\"chart timeline\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-label=\"").Append(HtmlEncoding.Encode(t.Statements + ": " + commitment.Text)).Append("\">");
        svg.Append("<line class=\"axis\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(height - 22)).Append("\" y2=\"").Append(N(height - 22)).Append("\"/>");
        if (axis.Contains(commitment.MadeOn))
        {
            var made = X(commitment.MadeOn);
            svg.Append("<line class=\"commitment\" x1=\"").Append(N(made)).Append("\" x2=\"").Append(N(made)).Append("\" y1=\"4\" y2=\"").Append(N(height - 16)).Append("\"/>");
        }

        foreach (var (number, x, row, s) in placed)
        {
            var y = 18 + (row * lane);
            var speaker = s.Speaker is null ? "" : ", " + s.Speaker;
            svg.Append("<g class=\"statement\"><title>").Append(HtmlEncoding.Encode($"{number}. {t.Format.Date(s.Date)}{speaker}: {s.Title}")).Append("</title>");
            svg.Append("<line class=\"xtick\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(height - 22)).Append("\"/>");
            svg.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"9\"/><text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y + 4)).Append("\" text-anchor=\"middle\">").Append(number).Append("</text></g>");
        }

        svg.Append("<text class=\"tick\" x=\"").Append(N(Left)).Append("\" y=\"").Append(N(height - 6)).Append("\">").Append(HtmlEncoding.Encode(t.Format.Date(axis.From))).Append("</text>");
        svg.Append("<text class=\"tick\" x=\"").Append(N(Width - Right)).Append("\" y=\"").Append(N(height - 6)).Append("\" text-anchor=\"end\">").Append(HtmlEncoding.Encode(t.Format.Date(axis.To))).Append("</text>");
        svg.Append("</svg>");
    }

    /// <summary>
    /// A word-sized chart of a series over <paramref name="axis"/> (the dashboard's home page): the line through the
    /// values that count, the baseline dashed, and the latest value marked by its status's shape. Its accessible name
    /// says what it is and gives the latest value in words.
    /// </summary>
    public static void WriteSparkline(StringBuilder svg, ScorecardIndicator indicator, ScorecardSeries series, TimeAxis axis, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(t);
        const double w = 132, h = 34, pad = 5;
        var shown = series.Points.Where(p => p.CountsTowardTrend && Period.TryParse(p.Period, out _) && axis.Contains(Middle(p.Period))).ToList();
        var baseline = series.Dimensions.Count == 0 ? indicator.Baseline?.Value : null;
        var values = shown.Select(p => (double)p.Stands).ToList();
        if (baseline is { } bv)
        {
            values.Add(bv);
        }

        var low = values.Count == 0 ? 0 : values.Min();
        var high = values.Count == 0 ? 1 : values.Max();
        if (high <= low)
        {
            high = low + 1;
        }

        double X(DateOnly d) => pad + ((w - (2 * pad)) * axis.Fraction(d));
        double Y(double v) => pad + ((h - (2 * pad)) * (1 - ((v - low) / (high - low))));
        var latest = shown.Count == 0 ? null : shown[^1];
        var label = TextCatalogue.Fill(t.Chart.Sparkline, ("indicator", indicator.Name))
            + (latest is null ? "" : $": {t.Format.Period(latest.Period)}, {t.Format.Figure(latest.Stands)} {indicator.Unit} ({t.StatusName(latest.Status)})");
        svg.Append("<svg class=\"spark\" viewBox=\"0 0 ").Append(N(w)).Append(' ').Append(N(h)).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(h))
            .Append("\" role=\"img\" aria-label=\"").Append(HtmlEncoding.Encode(label)).Append("\"><title>").Append(HtmlEncoding.Encode(label)).Append("</title>");
        if (baseline is { } b)
        {
            svg.Append("<line class=\"baseline\" x1=\"").Append(N(pad)).Append("\" x2=\"").Append(N(w - pad)).Append("\" y1=\"").Append(N(Y(b))).Append("\" y2=\"").Append(N(Y(b))).Append("\"/>");
        }

        if (shown.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"");
            foreach (var p in shown)
            {
                svg.Append(N(X(Middle(p.Period)))).Append(',').Append(N(Y((double)p.Stands))).Append(' ');
            }

            svg.Append("\"/>");
        }

        if (latest is not null)
        {
            svg.Append("<g class=\"v ").Append(StatusClass(latest.Status)).Append("\">");
            Marker(svg, latest.Status, X(Middle(latest.Period)), Y((double)latest.Stands));
            svg.Append("</g>");
        }

        svg.Append("</svg>");
    }

    /// <summary>The chart as a file of its own (the dashboard's and the HTML scorecard's SVG download): the SVG namespace, and the chart styles inside it.</summary>
    public static string Standalone(ScorecardIndicator indicator, ScorecardSeries series, ScorecardCommitment commitment, TimeAxis axis, TextCatalogue t)
    {
        var chart = new StringBuilder();
        Write(chart, indicator, series, commitment, axis, t);
        return Standalone(chart.ToString());
    }

    /// <summary>The file of a chart already drawn by <see cref="Write(StringBuilder, ScorecardIndicator, ScorecardSeries, ScorecardCommitment, TimeAxis, TextCatalogue)"/> (a page that shows a chart and offers it for download draws it once).</summary>
    public static string Standalone(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var open = svg.IndexOf('>', StringComparison.Ordinal) + 1;
        return new StringBuilder(svg.Length + Css.Length + 160)
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Arial, sans-serif\"")
            .Append(svg, 4, open - 4).Append("<style>").Append(Css).Append("</style>").Append(svg, open, svg.Length - open).Append('\n').ToString();
    }

    /// <summary>
    /// A series' values as CSV (the chart's data download): every value in the log, not only the window's, with the
    /// exact figures (invariant culture), the status in the reader's words, and the entry that logged it.
    /// </summary>
    public static string Csv(ScorecardIndicator indicator, ScorecardSeries series, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(t);
        var csv = new StringBuilder();
        var dimensions = series.Dimensions.Keys.Order(StringComparer.Ordinal).ToList();
        var header = new List<string> { t.Period, t.Export.PeriodStart };
        header.AddRange(dimensions);
        header.AddRange([t.Export.ValueReported, t.Export.ValueStanding, t.Unit, t.Status, t.Counts, t.Provisional, t.Entry]);
        CsvRow(csv, header);
        var dimensionValues = dimensions.Select(d => series.Dimensions[d]).ToList();
        Span<char> date = stackalloc char[10];
        foreach (var p in series.Points)
        {
            CsvCell(csv, p.Period, first: true);
            CsvCell(csv, Period.TryParse(p.Period, out var period) && period.Start.TryFormat(date, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? date[..written] : "");
            foreach (var value in dimensionValues)
            {
                CsvCell(csv, value);
            }

            CsvCell(csv, Exact(p.Reported));
            CsvCell(csv, Exact(p.Stands));
            CsvCell(csv, indicator.Unit);
            CsvCell(csv, t.StatusName(p.Status));
            CsvCell(csv, p.CountsTowardTrend ? t.Yes : t.No);
            CsvCell(csv, p.Provisional ? t.Yes : t.No);
            csv.Append(',').Append(p.Entry.Index).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>One CSV cell after a comma (none before the first), quoted when it holds a comma, a quote or a line break (RFC 4180).</summary>
    static void CsvCell(StringBuilder csv, ReadOnlySpan<char> cell, bool first = false)
    {
        if (!first)
        {
            csv.Append(',');
        }

        if (cell.IndexOfAny(",\"\r\n") >= 0)
        {
            csv.Append('"').Append(cell.ToString().Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            csv.Append(cell);
        }
    }

    /// <summary>A download's file name: the indicator's id, the series' dimension values, then the extension; letters, digits and dashes only.</summary>
    public static string FileName(ScorecardIndicator indicator, ScorecardSeries series, string extension)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        var name = new StringBuilder();
        foreach (var part in series.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value).Prepend(indicator.Id))
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

    /// <summary>A figure exactly, without the trailing zeros a decimal may carry from how it was read (941.0 and 941 are one value).</summary>
    static string Exact(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    static void CsvRow(StringBuilder csv, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            CsvCell(csv, cell, first);
            first = false;
        }

        csv.Append("\r\n");
    }

    /// <summary>The shape of a status: hollow circle, filled circle, square, diamond, hollow triangle, cross.</summary>
    internal static void Marker(StringBuilder svg, VerificationStatus status, double x, double y)
    {
        switch (status)
        {
            case VerificationStatus.SelfReported:
            case VerificationStatus.Acknowledged:
                svg.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"4\"/>");
                break;
            case VerificationStatus.Verified:
                svg.Append("<rect x=\"").Append(N(x - 4)).Append("\" y=\"").Append(N(y - 4)).Append("\" width=\"8\" height=\"8\"/>");
                break;
            case VerificationStatus.Resolved:
                svg.Append("<path d=\"M").Append(N(x)).Append(' ').Append(N(y - 5.5)).Append("l5.5 5.5-5.5 5.5-5.5-5.5z\"/>");
                break;
            case VerificationStatus.Disputed:
                svg.Append("<path d=\"M").Append(N(x)).Append(' ').Append(N(y - 5.5)).Append("l5 9h-10z\"/>");
                break;
            default:
                Cross(svg, x, y, 4.5, "");
                break;
        }
    }

    static void Cross(StringBuilder svg, double x, double y, double r, string cls)
    {
        svg.Append("<path class=\"cross ").Append(cls).Append("\" d=\"M").Append(N(x - r)).Append(' ').Append(N(y - r)).Append('l').Append(N(2 * r)).Append(' ').Append(N(2 * r))
            .Append('m').Append(N(-2 * r)).Append(" 0l").Append(N(2 * r)).Append(' ').Append(N(-2 * r)).Append("\"/>");
    }

    internal static string StatusClass(VerificationStatus status) => MeasurementVerification.PolicyName(status);

    static DateOnly Middle(string period) => Middle(Period.Parse(period));

    static DateOnly Middle(Period p) => p.Start.AddDays((p.End.DayNumber - p.Start.DayNumber) / 2);

    /// <summary>A value range with round ticks, from zero when every value is positive (so a bar of size is honest).</summary>
    static (double Low, double High, double Step) Scale(List<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 1, 0.25);
        }

        var min = values.Min();
        var max = values.Max();
        if (min >= 0)
        {
            min = 0;
        }

        if (max <= min)
        {
            max = min + 1;
        }

        var rough = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = 10 * magnitude;
        foreach (var multiple in (ReadOnlySpan<double>)[1, 2, 2.5, 5])
        {
            if (multiple * magnitude >= rough)
            {
                step = multiple * magnitude;
                break;
            }
        }

        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        return (low, high, step);
    }

    /// <summary>A coordinate to a tenth of a unit, written without a culture and without trailing ".0".</summary>
    static string N(double value)
    {
        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);

        // Most coordinates lie on the chart (0 to 720.0): each such string is made once per process.
        if (tenths is >= 0 and < CachedTenths)
        {
            return Coordinates[tenths] ??= Write(tenths);
        }

        return Write(tenths);
    }

    static string Write(long tenths)
    {
        var whole = (Math.Abs(tenths) / 10).ToString(CultureInfo.InvariantCulture);
        var sign = tenths < 0 ? "-" : "";
        return tenths % 10 == 0 ? sign + whole : sign + whole + "." + (char)('0' + Math.Abs(tenths % 10));
    }
}
