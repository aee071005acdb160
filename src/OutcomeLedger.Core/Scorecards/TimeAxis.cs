using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>The dates a commitment's charts share, so its statements and its indicators line up on one time axis.</summary>
public sealed record TimeAxis(DateOnly From, DateOnly To)
{
    /// <summary>
    /// The commitment's axis over <paramref name="window"/>: by default the assessment window (the first baseline period
    /// of its series to the last period assessed, stretched to its targets' dates so the target path stays on the chart),
    /// so the months since the commitment are not squeezed into a sliver of a decade; the whole log on demand, and also
    /// when no series has a window yet.
    /// </summary>
    public static TimeAxis For(ScorecardCommitment commitment, ChartWindow window = ChartWindow.Assessment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return For(commitment, window, Full(commitment));
    }

    /// <summary>As <see cref="For(ScorecardCommitment, ChartWindow)"/>, given the full axis already worked out (once per commitment: it reads every series).</summary>
    public static TimeAxis For(ScorecardCommitment commitment, ChartWindow window, TimeAxis full)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(full);
        if (window == ChartWindow.Full)
        {
            return full;
        }

        var windows = commitment.Indicators.SelectMany(i => i.Series).Select(s => s.Window).OfType<ScorecardWindow>().ToList();
        var starts = windows.Select(w => Period.TryParse(w.BaselineFrom, out var p) ? p.Start : (DateOnly?)null).OfType<DateOnly>().ToList();
        var ends = windows.Select(w => Period.TryParse(w.To, out var p) ? p.End : (DateOnly?)null).OfType<DateOnly>().ToList();
        if (starts.Count == 0 || ends.Count == 0)
        {
            return full;
        }

        var last = ends.Max();
        foreach (var target in commitment.Indicators.SelectMany(i => i.Targets).Where(t => t.TargetValue is not null))
        {
            last = target.By > last ? target.By : last;
        }

        var first = starts.Min();
        var from = new DateOnly(first.Year, first.Month, 1);
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        return new TimeAxis(from < full.From ? full.From : from, to > full.To ? full.To : to);
    }

    /// <summary>
    /// The sentence that says what a commitment's charts span when the two windows differ (null when they are the same
    /// dates): the assessment window's, or the full history's.
    /// </summary>
    public static string? Sentence(ScorecardCommitment commitment, ChartWindow window, TextCatalogue t)
    {
        return Sentence(For(commitment, window), For(commitment, window == ChartWindow.Full ? ChartWindow.Assessment : ChartWindow.Full), window, t);
    }

    /// <summary>As <see cref="Sentence(ScorecardCommitment, ChartWindow, TextCatalogue)"/>, for a page that has both axes already.</summary>
    public static string? Sentence(TimeAxis axis, TimeAxis other, ChartWindow window, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(t);
        if (axis == other)
        {
            return null;
        }

        var text = window == ChartWindow.Full ? t.Chart.FullHistoryShown : t.Chart.WindowShown;
        return TextCatalogue.Fill(text, ("from", t.Format.Date(axis.From)), ("to", t.Format.Date(axis.To)));
    }

    static TimeAxis Full(ScorecardCommitment commitment)
    {
        var dates = new List<DateOnly> { commitment.MadeOn };
        if (commitment.DueDate is { } due)
        {
            dates.Add(due);
        }

        dates.AddRange(commitment.Statements.Select(s => s.Date));
        foreach (var indicator in commitment.Indicators)
        {
            dates.AddRange(indicator.Targets.Select(t => t.By));
            // A series' points are in period order: its first and last bound it. (Every point was parsed here before;
            // a commitment of 1,000 series of 1,000 months made each home page answer take 5-7 s, as the page asks
            // once per indicator.)
            foreach (var series in indicator.Series)
            {
                if (series.Points.Count > 0 && Period.TryParse(series.Points[0].Period, out var head))
                {
                    dates.Add(head.Start);
                }

                if (series.Points.Count > 0 && Period.TryParse(series.Points[^1].Period, out var tail))
                {
                    dates.Add(tail.End);
                }
            }

            if (indicator.Baseline is { } b && Period.TryParse(b.From, out var from))
            {
                dates.Add(from.Start);
            }
        }

        var first = dates.Min();
        var last = dates.Max();
        // Whole months either side leave room for the first and last markers.
        return new TimeAxis(new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1).AddMonths(1));
    }

    public double Fraction(DateOnly date) => (date.DayNumber - From.DayNumber) / (double)Math.Max(1, To.DayNumber - From.DayNumber);

    /// <summary>Whether <paramref name="date"/> lies on the axis.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
