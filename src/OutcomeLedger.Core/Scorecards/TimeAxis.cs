namespace OutcomeLedger.Core.Scorecards;

/// <summary>The dates a commitment's charts share, so its statements and its indicators line up on one time axis.</summary>
public sealed record TimeAxis(DateOnly From, DateOnly To)
{
    public static TimeAxis For(ScorecardCommitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var dates = new List<DateOnly> { commitment.MadeOn };
        if (commitment.DueDate is { } due)
        {
            dates.Add(due);
        }

        dates.AddRange(commitment.Statements.Select(s => s.Date));
        foreach (var indicator in commitment.Indicators)
        {
            dates.AddRange(indicator.Targets.Select(t => t.By));
            foreach (var series in indicator.Series)
            {
                foreach (var point in series.Points)
                {
                    if (Ledger.Period.TryParse(point.Period, out var period))
                    {
                        dates.Add(period.Start);
                        dates.Add(period.End);
                    }
                }
            }

            if (indicator.Baseline is { } b && Ledger.Period.TryParse(b.From, out var from))
            {
                dates.Add(from.Start);
            }
        }

        var first = dates.Min();
        var last = dates.Max();
        // Whole years either side keep the year ticks at the edges and leave room for the first and last markers.
        return new TimeAxis(new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1).AddMonths(1));
    }

    public double Fraction(DateOnly date) => (date.DayNumber - From.DayNumber) / (double)Math.Max(1, To.DayNumber - From.DayNumber);
}
