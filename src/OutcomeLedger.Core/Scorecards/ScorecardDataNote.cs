using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Import.Quality;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// A data-quality note on a series (<see cref="DataQuality"/>): an outlier, a running total that fell, or a gap, with
/// the figures behind it and the entry of the value it points at. A prompt to check the source, never a verdict.
/// </summary>
public sealed record ScorecardDataNote
{
    public required DataNoteCode Code { get; init; }

    /// <summary>The period noted: the value's, or a gap's first missing period.</summary>
    public required string Period { get; init; }

    /// <summary>A gap's last missing period.</summary>
    public string? Through { get; init; }

    /// <summary>The series' dimensions; omitted for the total.</summary>
    public IReadOnlyDictionary<string, string>? Dimensions { get; init; }

    /// <summary>The value noted (the figure that stands).</summary>
    public decimal? Value { get; init; }

    /// <summary>A running total's figure before it fell, and its period.</summary>
    public decimal? Previous { get; init; }

    public string? PreviousPeriod { get; init; }

    /// <summary>An outlier's robust z-score, six significant digits.</summary>
    public double? Score { get; init; }

    /// <summary>The median of the values an outlier was scored against.</summary>
    public decimal? Median { get; init; }

    /// <summary>Whether an outlier was scored against its month's other values or, that month having too few, the whole series'.</summary>
    public OutlierReference? Reference { get; init; }

    public int? ReferenceCount { get; init; }

    /// <summary>The entry of the value noted (for a gap, the value after it).</summary>
    public EntryRef? Entry { get; init; }

    /// <summary>The note as the data-quality rules gave it, for its sentence in the reader's language.</summary>
    public DataNote ToNote() => new()
    {
        Code = Code,
        Dimensions = Dimensions ?? new Dictionary<string, string>(),
        Period = Ledger.Period.Parse(Period),
        Through = Through is null ? null : Ledger.Period.Parse(Through),
        Value = Value,
        Previous = Previous,
        PreviousPeriod = PreviousPeriod is null ? null : Ledger.Period.Parse(PreviousPeriod),
        Score = Score,
        Median = Median,
        Reference = Reference,
        ReferenceCount = ReferenceCount,
    };

    /// <summary>
    /// The notes on one series, from the figures that stand: a series that keeps its last value
    /// (<see cref="Aggregation.Last"/>) is read as a running total (checked for falls, not outliers).
    /// </summary>
    public static IReadOnlyList<ScorecardDataNote> Of(IndicatorRecord indicator, ScorecardSeries series)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Points.Select(p => (Period: Ledger.Period.Parse(p.Period), Point: p)).ToList();
        var entries = points.ToDictionary(p => p.Period, p => p.Point.Entry);
        var notes = DataQuality.Check(series.Dimensions, [.. points.Select(p => new SeriesValue(p.Period, p.Point.Stands))], indicator.Aggregation == Aggregation.Last);
        return [.. notes.Select(n => new ScorecardDataNote
        {
            Code = n.Code,
            Period = n.Period.ToString(),
            Through = n.Through?.ToString(),
            Dimensions = series.Dimensions.Count == 0 ? null : series.Dimensions,
            Value = n.Value,
            Previous = n.Previous,
            PreviousPeriod = n.PreviousPeriod?.ToString(),
            Score = SignificantDigits.Round(n.Score),
            Median = n.Median,
            Reference = n.Reference,
            ReferenceCount = n.ReferenceCount,
            Entry = n.Code == DataNoteCode.Gap
                ? points.Where(p => p.Period > n.Through!.Value).Select(p => p.Point.Entry).FirstOrDefault()
                : entries.GetValueOrDefault(n.Period),
        })];
    }
}
