using System.Globalization;
using OutcomeLedger.Core.Import.Quality;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Import.Quality;

public class DataQualityTests
{
    static readonly Dictionary<string, string> Total = [];

    /// <summary>A series written "2025-01=10 2025-02=12 …" (months, quarters or years).</summary>
    static List<SeriesValue> Series(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((pair, i) =>
        {
            var (period, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            return new SeriesValue(Period.Parse(period), decimal.Parse(value, CultureInfo.InvariantCulture), "data.csv", i + 2);
        })];

    /// <summary>Twelve months a year for <paramref name="years"/> years from 2020, each month's value <c>100 + month</c>, with the given overrides.</summary>
    static string Seasonal(int years, params (string Period, int Value)[] overrides)
    {
        var values = new List<string>();
        for (var y = 0; y < years; y++)
        {
            for (var m = 1; m <= 12; m++)
            {
                var period = $"{2020 + y}-{m:D2}";
                var value = overrides.FirstOrDefault(o => o.Period == period) is { Period: not null } o ? o.Value : 100 + (m * 10) + y;
                values.Add($"{period}={value}");
            }
        }

        return string.Join(' ', values);
    }

    static string Describe(DataNote n) => n.Code switch
    {
        DataNoteCode.Gap => $"gap {n.Period}..{n.Through} line {n.Line}",
        DataNoteCode.RunningTotalFell => $"fell {n.PreviousPeriod} {n.Previous} -> {n.Period} {n.Value} line {n.Line}",
        DataNoteCode.Outlier => $"outlier {n.Period} {n.Value} against {n.Reference} of {n.ReferenceCount}, median {n.Median}",
        _ => $"{n.Code} {n.Period}",
    };

    public static TheoryData<string, string, bool, string> Cases() => new()
    {
        // name, series, running total, expected notes ("|"-separated)
        { "a steady monthly series: nothing", "2025-01=10 2025-02=11 2025-03=12 2025-04=11 2025-05=10", false, "" },
        { "one month missing", "2025-01=10 2025-02=11 2025-04=12", false, "gap 2025-03..2025-03 line 4" },
        { "three months missing, values out of order", "2025-06=12 2025-01=10 2025-02=11", false, "gap 2025-03..2025-05 line 2" },
        { "a missing quarter", "2024-Q3=1 2024-Q4=1 2025-Q2=1", false, "gap 2025-Q1..2025-Q1 line 4" },
        { "a missing year", "2019=5 2022=5", false, "gap 2020..2021 line 3" },
        { "a running total that rises: nothing", "2025-01=100 2025-02=150 2025-03=150 2025-04=210", true, "" },
        { "a running total that falls (Mexico's fentanyl 1,862 kg to 1,800 kg)", "2025-10=1500 2025-11=1862 2025-12=1800", true, "fell 2025-11 1862 -> 2025-12 1800 line 4" },
        { "a running total that falls across a gap", "2025-01=100 2025-04=90", true, "gap 2025-02..2025-03 line 3|fell 2025-01 100 -> 2025-04 90 line 3" },
        { "a running total is not scored for outliers", "2025-01=1 2025-02=2 2025-03=3 2025-04=4 2025-05=5000", true, "" },
        { "a short series, one wild value: against the whole series", "2025-01=10 2025-02=11 2025-03=12 2025-04=11 2025-05=90", false, "outlier 2025-05 90 against WholeSeries of 4, median 11" },
        { "too few values to score", "2025-01=10 2025-02=11 2025-03=90", false, "" },
        { "no spread (MAD 0): no score", "2025-01=10 2025-02=10 2025-03=10 2025-04=10 2025-05=90", false, "" },
        { "a falling value just inside 3.5: nothing", "2025-01=10 2025-02=12 2025-03=14 2025-04=16 2025-05=7", false, "" },
        { "seasonal history: a December like other Decembers is no outlier", Seasonal(5), false, "" },
        { "seasonal history: one wild March against the other four Marches", Seasonal(5, ("2022-03", 400)), false, "outlier 2022-03 400 against SameMonth of 4, median 132" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Series_GivesTheExpectedNotes(string name, string series, bool runningTotal, string expected)
    {
        var notes = DataQuality.Check(Total, Series(series), runningTotal);

        Assert.True(string.Join('|', notes.Select(Describe)) == expected, $"{name}: got '{string.Join('|', notes.Select(Describe))}'");
    }

    [Fact]
    public void Outliers_SeasonalSeries_ScoreIsTheRobustZ()
    {
        // March values of the other years: 130, 131, 133, 134; median 132, deviations 2, 1, 1, 2: MAD 1.5.
        var note = Assert.Single(DataQuality.Outliers(Total, Series(Seasonal(5, ("2022-03", 400)))));

        Assert.Equal(0.6745 * (400 - 132) / 1.5, note.Score!.Value, 9);
        Assert.Equal(132m, note.Median);
    }

    [Fact]
    public void Outliers_MonthWithThreeOthers_FallsBackToTheWholeSeries()
    {
        // Four years: each month has three others, fewer than MinHistory, so the whole series (47 others) is the reference.
        var note = Assert.Single(DataQuality.Outliers(Total, Series(Seasonal(4, ("2021-07", 900)))));

        Assert.Equal(OutlierReference.WholeSeries, note.Reference);
        Assert.Equal(47, note.ReferenceCount);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, 5.0, 0.6745 * (5 - 2.5) / 1.0)]
    [InlineData(new double[] { 10, 10, 20, 30, 40 }, 100.0, 0.6745 * (100 - 20) / 10.0)]
    public void RobustScore_KnownValues(double[] reference, double value, double z)
    {
        var score = DataQuality.RobustScore((decimal)value, [.. reference.Select(r => (decimal)r)]);

        Assert.NotNull(score);
        Assert.Equal(z, score.Value.Z, 9);
    }

    [Fact]
    public void Repeat_SameValue_IsANoteNamingBothRows()
    {
        var note = DataQuality.Repeat(Total, new SeriesValue(Period.Parse("2025-03"), 5m, "a.csv", 7), new SeriesValue(Period.Parse("2025-03"), 5.0m, "b.csv", 9));

        Assert.NotNull(note);
        Assert.Equal(DataNoteCode.Repeated, note.Code);
        Assert.Equal(("b.csv", 9, "a.csv", 7), (note.File, note.Line!.Value, note.FirstFile, note.FirstLine!.Value));
    }

    [Fact]
    public void Repeat_DifferentValues_IsNoNote()
    {
        Assert.Null(DataQuality.Repeat(Total, new SeriesValue(Period.Parse("2025-03"), 5m), new SeriesValue(Period.Parse("2025-03"), 6m)));
    }
}
