using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Quality;

/// <summary>
/// Data-quality rules in the manner of DHIS2's: pure functions of a series' values, each result a prompt to check the
/// source (<see cref="DataNote"/>), never a verdict. Outliers by robust z-score against the same calendar month's
/// history (median and MAD, so one wild value cannot hide itself), a running total that falls, periods missing inside
/// a series, and the same period given twice in one import.
/// </summary>
public static class DataQuality
{
    /// <summary>A value is an outlier when its robust z-score's magnitude is above this (Iglewicz and Hoaglin's 3.5).</summary>
    public const double OutlierThreshold = 3.5;

    /// <summary>Fewest other values a calendar month needs to be the reference; with fewer, the whole series is (and with fewer there too, no score).</summary>
    public const int MinHistory = 4;

    /// <summary>The constant that makes the MAD estimate a normal distribution's standard deviation (0.6745 ≈ Φ⁻¹(3/4)).</summary>
    public const double MadScale = 0.6745;

    /// <summary>
    /// The notes on one series: its gaps, then (for a running total) each fall, then (for any other series) its outliers,
    /// in period order. The values may come in any order; a period given twice is the caller's to refuse first.
    /// </summary>
    public static IReadOnlyList<DataNote> Check(IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<SeriesValue> values, bool runningTotal)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v.Period).ToList();
        var notes = new List<DataNote>();
        notes.AddRange(Gaps(dimensions, sorted));
        notes.AddRange(runningTotal ? Falls(dimensions, sorted) : Outliers(dimensions, sorted));
        return [.. notes.OrderBy(n => n.Period).ThenBy(n => n.Code)];
    }

    /// <summary>Each run of periods missing between two values of the series (of the series' own period type).</summary>
    public static IReadOnlyList<DataNote> Gaps(IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<SeriesValue> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var notes = new List<DataNote>();
        for (var i = 1; i < sorted.Count; i++)
        {
            var (before, after) = (sorted[i - 1], sorted[i]);
            if (before.Period.Type != after.Period.Type)
            {
                continue;
            }

            var missing = Ordinal(after.Period) - Ordinal(before.Period) - 1;
            if (missing > 0)
            {
                notes.Add(new DataNote
                {
                    Code = DataNoteCode.Gap,
                    Dimensions = dimensions,
                    Period = FromOrdinal(before.Period.Type, Ordinal(before.Period) + 1),
                    Through = FromOrdinal(before.Period.Type, Ordinal(after.Period) - 1),
                    File = after.File,
                    Line = after.Line,
                });
            }
        }

        return notes;
    }

    /// <summary>Each value of a running total lower than the value before it (a revision, or an error in the source).</summary>
    public static IReadOnlyList<DataNote> Falls(IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<SeriesValue> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var notes = new List<DataNote>();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Value < sorted[i - 1].Value)
            {
                notes.Add(new DataNote
                {
                    Code = DataNoteCode.RunningTotalFell,
                    Dimensions = dimensions,
                    Period = sorted[i].Period,
                    Value = sorted[i].Value,
                    Previous = sorted[i - 1].Value,
                    PreviousPeriod = sorted[i - 1].Period,
                    File = sorted[i].File,
                    Line = sorted[i].Line,
                });
            }
        }

        return notes;
    }

    /// <summary>
    /// Each value whose robust z-score against the series' other values of the same calendar month (quarter) has a
    /// magnitude above <see cref="OutlierThreshold"/>; when that month has fewer than <see cref="MinHistory"/> other
    /// values, against every other value of the series (and the note says which). No score when the reference has
    /// fewer than <see cref="MinHistory"/> values or no spread (MAD of zero).
    /// </summary>
    public static IReadOnlyList<DataNote> Outliers(IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<SeriesValue> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var notes = new List<DataNote>();
        // Each reference (a calendar month's values, or the whole series) is sorted once, and a value's reference is that
        // order without the value itself: a series of n values costs n log n, not a sort per value.
        var months = new Dictionary<(PeriodType Type, int Month), List<int>>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Period.Type != PeriodType.Year)
            {
                var key = (sorted[i].Period.Type, sorted[i].Period.MonthOfYear);
                if (!months.TryGetValue(key, out var members))
                {
                    months[key] = members = [];
                }

                members.Add(i);
            }
        }

        var byMonth = months.Values.ToDictionary(m => m, m => new SortedReference(sorted, m));
        SortedReference? whole = null;
        var deviations = new decimal[sorted.Count];
        for (var i = 0; i < sorted.Count; i++)
        {
            var value = sorted[i];
            var month = value.Period.Type == PeriodType.Year ? null : byMonth[months[(value.Period.Type, value.Period.MonthOfYear)]];
            var (reference, kind) = month is { Count: > MinHistory }
                ? (month, OutlierReference.SameMonth)
                : (whole ??= new SortedReference(sorted, [.. Enumerable.Range(0, sorted.Count)]), OutlierReference.WholeSeries);
            if (reference.Score(value.Value, i, deviations) is not { } score || Math.Abs(score.Z) <= OutlierThreshold)
            {
                continue;
            }

            notes.Add(new DataNote
            {
                Code = DataNoteCode.Outlier,
                Dimensions = dimensions,
                Period = value.Period,
                Value = value.Value,
                Score = score.Z,
                Median = score.Median,
                Reference = kind,
                ReferenceCount = reference.Count - 1,
                File = value.File,
                Line = value.Line,
            });
        }

        return notes;
    }

    /// <summary>
    /// The robust z-score of <paramref name="value"/> against <paramref name="reference"/>: 0.6745 × (value − median) / MAD,
    /// MAD the median of the absolute deviations from the median; null with fewer than <see cref="MinHistory"/>
    /// reference values or a MAD of zero (half or more of them equal: no spread to measure against).
    /// </summary>
    public static (double Z, decimal Median, decimal Mad)? RobustScore(decimal value, IReadOnlyList<decimal> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count < MinHistory)
        {
            return null;
        }

        var median = Median(reference);
        var deviations = new decimal[reference.Count];
        for (var k = 0; k < deviations.Length; k++)
        {
            deviations[k] = Math.Abs(reference[k] - median);
        }

        return ScoreAround(value, median, deviations);
    }

    /// <summary>
    /// The robust z-score of <paramref name="value"/> given its reference's <paramref name="median"/> and the reference's
    /// absolute <paramref name="deviations"/> from it (sorted here, in place); null when their median, the MAD, is zero.
    /// </summary>
    static (double Z, decimal Median, decimal Mad)? ScoreAround(decimal value, decimal median, Span<decimal> deviations)
    {
        // The deviations' median needs only their value (the score is a double), so any sort will do.
        deviations.Sort();
        var middle = deviations.Length / 2;
        var mad = deviations.Length % 2 == 1 ? deviations[middle] : (deviations[middle - 1] + deviations[middle]) / 2;
        if (mad == 0)
        {
            return null;
        }

        return (MadScale * (double)(value - median) / (double)mad, median, mad);
    }

    /// <summary>
    /// Some of a series' values in ascending order (ties in series order, as <see cref="Median"/>'s stable sort leaves
    /// them), each knowing its position, so that a value's reference (the others) is this order with one place skipped.
    /// </summary>
    sealed class SortedReference
    {
        readonly decimal[] _values;
        readonly Dictionary<int, int> _place;

        public SortedReference(IReadOnlyList<SeriesValue> series, List<int> members)
        {
            var order = members.OrderBy(j => series[j].Value).ToArray();
            _values = [.. order.Select(j => series[j].Value)];
            _place = new Dictionary<int, int>(order.Length);
            for (var k = 0; k < order.Length; k++)
            {
                _place[order[k]] = k;
            }
        }

        /// <summary>How many values, the scored one included.</summary>
        public int Count => _values.Length;

        /// <summary><see cref="RobustScore"/> of <paramref name="value"/>, the series' value at <paramref name="index"/>, against the others.</summary>
        public (double Z, decimal Median, decimal Mad)? Score(decimal value, int index, decimal[] scratch)
        {
            var others = _values.Length - 1;
            if (others < MinHistory)
            {
                return null;
            }

            var skip = _place[index];
            decimal At(int k) => _values[k < skip ? k : k + 1];
            var middle = others / 2;
            var median = others % 2 == 1 ? At(middle) : (At(middle - 1) + At(middle)) / 2;

            var deviations = scratch.AsSpan(0, others);
            for (var k = 0; k < others; k++)
            {
                deviations[k] = Math.Abs(At(k) - median);
            }

            return ScoreAround(value, median, deviations);
        }
    }

    /// <summary>The note for a period and dimensions given a second time with the same value; null when the values differ (an error: the caller names both figures).</summary>
    public static DataNote? Repeat(IReadOnlyDictionary<string, string> dimensions, SeriesValue first, SeriesValue second)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        return first.Value != second.Value
            ? null
            : new DataNote
            {
                Code = DataNoteCode.Repeated,
                Dimensions = dimensions,
                Period = second.Period,
                Value = second.Value,
                File = second.File,
                Line = second.Line,
                FirstFile = first.File,
                FirstLine = first.Line,
            };
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("the median of no values", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Consecutive periods of one type differ by one.
    static int Ordinal(Period period) => period.Type switch
    {
        PeriodType.Month => period.MonthOrdinal,
        PeriodType.Quarter => (period.Year * 4) + period.Number - 1,
        _ => period.Year,
    };

    static Period FromOrdinal(PeriodType type, int ordinal) => type switch
    {
        PeriodType.Month => Period.Month(ordinal / 12, (ordinal % 12) + 1),
        PeriodType.Quarter => new Period(PeriodType.Quarter, ordinal / 4, (ordinal % 4) + 1),
        _ => new Period(PeriodType.Year, ordinal, 1),
    };
}
