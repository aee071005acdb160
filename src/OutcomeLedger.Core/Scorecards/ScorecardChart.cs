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
public static class ScorecardChart
{
    /// <summary>The chart's and legend's styles (they read the page's <c>--muted</c> colour).</summary>
    public const string Css = """
        svg.chart{width:100%;height:auto;display:block;margin:.5rem 0;font-size:11px}
        svg .grid{stroke:#e4e7eb}svg .axis{stroke:#9aa5b1}svg .xtick{stroke:#9aa5b1}svg .tick{fill:#52606d}svg .label{fill:#1f2933;font-size:10px}
        svg .commitment{stroke:#1f2933;stroke-dasharray:2 3}svg .baseline{stroke:#52606d;stroke-width:2;stroke-dasharray:8 4}
        svg .path{stroke:#1b7f3b;stroke-width:2;stroke-dasharray:2 3}svg .target path{fill:#1b7f3b}svg .target.illustrative path{fill:#fff;stroke:#8d2b0b;stroke-width:1.5}
        svg .statement circle{fill:#334e68}svg .statement text{fill:#fff;font-size:10px;font-weight:700}
        svg .line{fill:none;stroke:#9aa5b1;stroke-width:1.25}
        svg .v circle,svg .v rect,svg .v path{stroke-width:1.5}
        svg .self-reported circle{fill:#fff;stroke:#52606d}svg .acknowledged circle{fill:#1d4ed8;stroke:#1d4ed8}
        svg .verified rect{fill:#047857;stroke:#047857}svg .resolved path{fill:#7c3aed;stroke:#7c3aed}
        svg .disputed path{fill:#fff;stroke:#b91c1c}svg .verification-failed path{fill:none;stroke:#c2410c;stroke-width:2}
        svg .v .cross.other{fill:none;stroke:#b91c1c;stroke-width:1.5}svg .v circle.other{fill:#fff;stroke:#7c3aed}
        svg .v circle.provisional{fill:none;stroke:#b7791f;stroke-width:1.25;stroke-dasharray:2 2}
        svg .link{stroke:#b91c1c;stroke-dasharray:2 2}svg .uncounted{opacity:.5}
        ul.legend{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--muted)}
        ul.legend svg{width:16px;height:16px;vertical-align:-3px;margin-right:.25rem}
        """;

    const double Width = 720;
    const double Height = 250;
    const double Left = 72;
    const double Right = 16;
    const double Top = 34;
    const double Bottom = 28;
    const int CachedTenths = 8000;

    static readonly string?[] Coordinates = new string?[CachedTenths];

    public static void Write(StringBuilder svg, ScorecardIndicator indicator, ScorecardSeries series, ScorecardCommitment commitment, TimeAxis axis, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(t);
        var f = t.Format;
        var values = new List<double>();
        foreach (var p in series.Points)
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

        var headline = series.Dimensions.Count == 0;
        if (headline && indicator.Baseline?.Value is { } baseline)
        {
            values.Add(baseline);
        }

        if (headline)
        {
            values.AddRange(indicator.Targets.Where(x => x.TargetValue is not null).Select(x => x.TargetValue!.Value));
        }

        if (series.Statistics.TargetPath is { } path)
        {
            values.Add(path.FromValue);
            values.Add(path.ToValue);
        }

        var (low, high, step) = Scale(values);
        double X(DateOnly date) => Left + ((Width - Left - Right) * axis.Fraction(date));
        double Y(double value) => Top + ((Height - Top - Bottom) * (1 - ((value - low) / (high - low))));

        svg.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(HtmlEncoding.Encode(t.ChartAlt + ": " + indicator.Name)).Append("\">");

        // Grid and value axis.
        for (var v = low; v <= high + (step / 2); v += step)
        {
            svg.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Y(v))).Append("\" y2=\"").Append(N(Y(v))).Append("\"/>");
            svg.Append("<text class=\"tick\" x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(HtmlEncoding.Encode(f.Value(v))).Append("</text>");
        }

        // Time axis: one tick a year (a quarter on short spans).
        var spanMonths = ((axis.To.Year - axis.From.Year) * 12) + axis.To.Month - axis.From.Month;
        var tickMonths = spanMonths > 30 ? 12 : spanMonths > 9 ? 3 : 1;
        for (var d = new DateOnly(axis.From.Year, 1, 1); d <= axis.To; d = d.AddMonths(tickMonths))
        {
            if (d < axis.From)
            {
                continue;
            }

            var x = X(d);
            svg.Append("<line class=\"xtick\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(Height - Bottom)).Append("\" y2=\"").Append(N(Height - Bottom + 4)).Append("\"/>");
            if (x > Width - Right - 24)
            {
                continue;
            }

            var label = tickMonths == 12 ? d.Year.ToString(CultureInfo.InvariantCulture) : f.Period(Period.Month(d.Year, d.Month).ToString());
            svg.Append("<text class=\"tick\" x=\"").Append(N(x + 3)).Append("\" y=\"").Append(N(Height - 8)).Append("\">").Append(HtmlEncoding.Encode(label)).Append("</text>");
        }

        svg.Append("<line class=\"axis\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Height - Bottom)).Append("\" y2=\"").Append(N(Height - Bottom)).Append("\"/>");

        // The rhetoric on the same axis: the commitment date and numbered statements.
        var made = X(commitment.MadeOn);
        svg.Append("<line class=\"commitment\" x1=\"").Append(N(made)).Append("\" x2=\"").Append(N(made)).Append("\" y1=\"").Append(N(Top - 6)).Append("\" y2=\"").Append(N(Height - Bottom)).Append("\"/>");
        svg.Append("<text class=\"label\" x=\"").Append(N(made + 4)).Append("\" y=\"").Append(N(Top + 4)).Append("\">").Append(HtmlEncoding.Encode(t.CommitmentMarker)).Append("</text>");
        for (var i = 0; i < commitment.Statements.Count; i++)
        {
            var s = commitment.Statements[i];
            var x = X(s.Date);
            svg.Append("<g class=\"statement\"><title>").Append(HtmlEncoding.Encode($"{i + 1}. {f.Date(s.Date)}: {s.Title}")).Append("</title>");
            svg.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"14\" r=\"8\"/><text x=\"").Append(N(x)).Append("\" y=\"18\" text-anchor=\"middle\">").Append(i + 1).Append("</text></g>");
        }

        // Baseline over its periods, the target path, and each target.
        if (headline && indicator.Baseline is { Value: { } baseValue } b && Period.TryParse(b.From, out var bFrom) && Period.TryParse(b.To, out var bTo))
        {
            var y = Y(baseValue);
            svg.Append("<line class=\"baseline\" x1=\"").Append(N(X(bFrom.Start))).Append("\" x2=\"").Append(N(X(bTo.End))).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y)).Append("\"><title>")
                .Append(HtmlEncoding.Encode($"{t.Baseline}: {f.Value(baseValue)} {indicator.Unit}")).Append("</title></line>");
            svg.Append("<text class=\"label baseline-label\" x=\"").Append(N(X(bFrom.Start) + 2)).Append("\" y=\"").Append(N(y - 5)).Append("\">").Append(HtmlEncoding.Encode(t.Baseline)).Append("</text>");
        }

        if (series.Statistics.TargetPath is { } tp)
        {
            svg.Append("<line class=\"path\" x1=\"").Append(N(X(tp.From))).Append("\" x2=\"").Append(N(X(tp.To))).Append("\" y1=\"").Append(N(Y(tp.FromValue))).Append("\" y2=\"").Append(N(Y(tp.ToValue))).Append("\"><title>")
                .Append(HtmlEncoding.Encode(t.TargetPath)).Append("</title></line>");
        }

        if (headline)
        {
            foreach (var target in indicator.Targets.Where(x => x.TargetValue is not null))
            {
                var x = X(target.By);
                var y = Y(target.TargetValue!.Value);
                var illustrative = target.Basis == TargetBasis.Illustrative;
                svg.Append("<g class=\"target").Append(illustrative ? " illustrative" : "").Append("\"><title>")
                    .Append(HtmlEncoding.Encode($"{t.Target}: {f.Value(target.TargetValue.Value)} {indicator.Unit}, {f.Date(target.By)}{(illustrative ? " — " + t.Illustrative : "")}")).Append("</title>");
                svg.Append("<path d=\"M").Append(N(x)).Append(' ').Append(N(y - 9)).Append("l4 6h5l-4 4 2 6-7-4-7 4 2-6-4-4h5z\" transform=\"translate(0 3)\"/>");
                svg.Append("<text class=\"label\" x=\"").Append(N(x - 6)).Append("\" y=\"").Append(N(y + 18)).Append("\" text-anchor=\"end\">")
                    .Append(HtmlEncoding.Encode(t.Target + (illustrative ? " (" + t.IllustrativeShort + ")" : ""))).Append("</text></g>");
            }
        }

        // The line through the values that count, then every value marked by its status.
        var counted = series.Points.Where(p => p.CountsTowardTrend && Period.TryParse(p.Period, out _)).ToList();
        if (counted.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"");
            foreach (var p in counted)
            {
                svg.Append(N(X(Middle(p.Period)))).Append(',').Append(N(Y((double)p.Stands))).Append(' ');
            }

            svg.Append("\"/>");
        }

        foreach (var p in series.Points)
        {
            if (!Period.TryParse(p.Period, out _))
            {
                continue;
            }

            var x = X(Middle(p.Period));
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
            }

            if (p.Reported != p.Stands)
            {
                var reported = Y((double)p.Reported);
                svg.Append("<line class=\"link\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(reported)).Append("\"/>");
                svg.Append("<circle class=\"other\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(reported)).Append("\" r=\"3\"/>");
            }

            Marker(svg, p.Status, x, y);
            svg.Append("</g>");
        }

        svg.Append("</svg>");
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
            var x = Left + ((Width - Left - Right) * axis.Fraction(s.Date));
            var free = lanes.FindIndex(last => x - last >= 20);
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
        var made = X(commitment.MadeOn);
        svg.Append("<line class=\"commitment\" x1=\"").Append(N(made)).Append("\" x2=\"").Append(N(made)).Append("\" y1=\"4\" y2=\"").Append(N(height - 16)).Append("\"/>");
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

    static DateOnly Middle(string period)
    {
        var p = Period.Parse(period);
        return p.Start.AddDays((p.End.DayNumber - p.Start.DayNumber) / 2);
    }

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
