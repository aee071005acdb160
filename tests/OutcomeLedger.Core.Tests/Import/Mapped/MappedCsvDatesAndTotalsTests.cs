using System.Text;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Mapped;

namespace OutcomeLedger.Core.Tests.Import.Mapped;

/// <summary>
/// Issue 13, Deliver 5 and 8: files with day dates (Mexico's transfers), several reports a month, long files holding
/// several series (the Security Cabinet's figures), and running totals turned into monthly flows with the conversion
/// recorded and a falling total flagged, never silently recorded.
/// </summary>
public class MappedCsvDatesAndTotalsTests
{
    static ImportResult<ImportedObservation> Import(string csv, string mapping, MappedCsvRules rules, string file = "m.csv") =>
        MappedCsvImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), file, Map(mapping), rules);

    static ColumnMapping Map(string text)
    {
        Assert.True(ColumnMapping.TryParse(text, out var mapping, out var error), error);
        return mapping;
    }

    const string Transfers = "date,persons\n2025-02-27,29\n2025-02-28,5\n2025-08-12,26\n";

    [Fact]
    public void DayDates_Sum_OneValuePerMonthNamingEveryRow()
    {
        var result = Import(Transfers, "period=date,value=persons", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Sum });

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal([("2025-02", 34m), ("2025-08", 26m)], result.Items.Select(o => (o.Period.ToString(), o.Value)));
        Assert.Equal("sum of 2 rows: 2025-02-27 line 2: 29; 2025-02-28 line 3: 5", result.Items[0].Note);
        Assert.Equal("one row: 2025-08-12 line 4: 26", result.Items[1].Note);
    }

    [Fact]
    public void DayDates_Count_CountsTheRows()
    {
        var result = Import(Transfers, "period=date,value=persons", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Count });

        Assert.Equal([2m, 1m], result.Items.Select(o => o.Value));
    }

    [Fact]
    public void DayDates_Last_TakesTheLatestDateNotTheLastLine()
    {
        var result = Import("date,total\n2025-03-23,1347\n2025-03-02,1300\n", "period=date,value=total", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Last });

        var value = Assert.Single(result.Items);
        Assert.Equal(1347m, value.Value);
        Assert.Equal(2, value.SourceLine);
        Assert.Equal("last of 2 rows: 2025-03-23 line 2: 1347", value.Note);
    }

    [Fact]
    public void DayDates_SecondRowWithoutAggregate_IsAnErrorNamingTheOption()
    {
        var result = Import(Transfers, "period=date,value=persons", new MappedCsvRules { PeriodFromDate = true });

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("give --aggregate sum|last|count", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void DayDates_AMonthWhereADayIsExpected_NamesTheCell()
    {
        var result = Import("date,persons\n2025-02,29\n", "period=date,value=persons", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Sum });

        var error = Assert.Single(result.Errors);
        Assert.Equal(("date", 2), (error.Column, error.Line));
        Assert.Contains("'2025-02' is not a date written yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_ReadOnlyTheNamedSeriesOfALongFile()
    {
        var csv = "period_end,metric,unit,value\n2025-02-24,fentanyl,kg,1260\n2025-02-24,labs,labs,500\n2025-02-24,fentanyl,t,1.3\n";

        var result = Import(csv, "period=period_end,value=value", new MappedCsvRules
        {
            PeriodFromDate = true,
            Aggregate = MonthAggregate.Last,
            Filters = new Dictionary<string, string> { ["metric"] = "fentanyl", ["unit"] = "kg" },
        });

        Assert.Equal([1260m], result.Items.Select(o => o.Value));
    }

    [Fact]
    public void Filters_OnAColumnTheFileLacks_AnErrorNotASilentlyEmptyImport()
    {
        var result = Import(Transfers, "period=date,value=persons", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Sum, Filters = new Dictionary<string, string> { ["metric"] = "x" } });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Column == "metric");
    }

    [Fact]
    public void Cumulative_ConsecutiveMonths_BecomeFlowsWithBothFiguresInTheNote()
    {
        var csv = "date,total\n2025-01-31,1000\n2025-02-24,1260\n2025-02-10,1100\n2025-03-23,1347\n";

        var result = Import(csv, "period=date,value=total", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Last, Cumulative = true });

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal([("2025-02", 260m), ("2025-03", 87m)], result.Items.Select(o => (o.Period.ToString(), o.Value)));
        Assert.Equal("monthly flow from a running total: 1347 (2025-03-23, line 5) less 1260 (2025-02-24, line 3)", result.Items[1].Note);
        var first = Assert.Single(result.Skipped);
        Assert.Equal((SkipCode.CumulativeFirst, "2025-01", 2), (first.Code, first.Period.ToString(), first.Line));
    }

    [Fact]
    public void Cumulative_AGapOrAFall_IsSkippedWithItsReasonNeverRecorded()
    {
        var csv = "date,total\n2025-01-31,1000\n2025-03-31,1200\n2025-04-30,1862\n2025-05-31,1800\n";

        var result = Import(csv, "period=date,value=total", new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Last, Cumulative = true });

        Assert.Equal([("2025-04", 662m)], result.Items.Select(o => (o.Period.ToString(), o.Value)));
        Assert.Equal([SkipCode.CumulativeFirst, SkipCode.CumulativeGap, SkipCode.CumulativeFell], result.Skipped.Select(s => s.Code!.Value));
        var fell = result.Skipped[2];
        Assert.Equal(("1862", "2025-04-30", "1800", "2025-05-31"), (fell.Values["from"], fell.Values["fromDate"], fell.Values["to"], fell.Values["toDate"]));
        Assert.Equal("2025-01", result.Skipped[1].Values["previous"]);
    }

    /// <summary>The shipped files import: Mexico's transfers by month, and its cumulative fentanyl figure, whose fall from 1,862 kg to 1,800 kg is flagged.</summary>
    [Fact]
    public void ShippedMexicanFiles_Import()
    {
        using (var transfers = ShippedData.Open("mexico/mx_to_us_transfers.csv"))
        {
            var result = MappedCsvImporter.Import(transfers, "mx_to_us_transfers.csv", Map("period=date,value=persons_transferred"), new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Sum });
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
            Assert.Equal(92m, result.Items.Sum(o => o.Value));
        }

        using var cabinet = ShippedData.Open("mexico/mx_gabinete_seguridad_cumulative_transcribed.csv");
        var figures = MappedCsvImporter.Import(cabinet, "cabinet.csv", Map("period=period_end,value=value"), new MappedCsvRules
        {
            PeriodFromDate = true,
            Aggregate = MonthAggregate.Last,
            Cumulative = true,
            Filters = new Dictionary<string, string> { ["metric"] = "fentanyl_seized_weight", ["unit"] = "kg" },
        });
        Assert.True(figures.Succeeded, string.Join('\n', figures.Errors));
        var fell = Assert.Single(figures.Skipped, s => s.Code == SkipCode.CumulativeFell);
        Assert.Equal(("1862", "1800"), (fell.Values["from"], fell.Values["to"]));
    }
}
