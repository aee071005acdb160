using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Import.Series;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Tests.Evaluation.Statistics;

namespace OutcomeLedger.Cli.Tests.Commands.Stats;

public sealed class StatsCommandTests : IDisposable
{
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("outcomes-stats-");

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>72 months from 2019-01: a rising seasonal series that turns down from 2023-07 (seeded noise).</summary>
    static MonthlySeries Falling()
    {
        var random = new Random(20261128);
        var values = Enumerable.Range(0, 72).Select(t =>
            5200 + (45.0 * t) + (350 * Math.Cos(2 * Math.PI * (t - 2) / 12)) - (t >= 54 ? 120 + (160.0 * (t - 54)) : 0) + Math.Round((random.NextDouble() - 0.5) * 200));
        return ConsecutiveMonths.From(Period.Month(2019, 1), values);
    }

    string WriteCsv(MonthlySeries series, bool header = true, string name = "series.csv")
    {
        var text = new StringBuilder();
        if (header)
        {
            text.Append("month,deaths\n");
        }

        foreach (var o in series.Observations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.Month},{o.Value:R}\n");
        }

        return Write(name, text.ToString());
    }

    string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Stats_SeasonalWithIntervention_PrintsAllTables()
    {
        var path = WriteCsv(Falling());

        var (exitCode, output, error) = Invoke("stats", path, "--seasonal", "--intervention", "2023-07", "--target", "4000", "--due", "2026-12");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("72 monthly values, 2019-01 to 2024-12, no missing months", output, StringComparison.Ordinal);
        Assert.Contains("seasonal Mann-Kendall", output, StringComparison.Ordinal);
        Assert.Contains("seasonal Sen's slope", output, StringComparison.Ordinal);
        Assert.Contains("interrupted time series at 2023-07 (54 before, 18 after; OLS, month effects, Newey-West lag 3, t with 57 df)", output, StringComparison.Ordinal);
        Assert.Contains("below the projected no-commitment trend", output, StringComparison.Ordinal);
        Assert.Contains("baseline 2022-07 to 2023-06", output, StringComparison.Ordinal);
        Assert.Contains("target path", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_Json_MatchesCoreStatistics()
    {
        var series = Falling();
        var path = WriteCsv(series);

        var (exitCode, output, _) = Invoke("stats", path, "--seasonal", "--intervention", "2023-07", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(72, root.GetProperty("count").GetInt32());
        var mk = MannKendall.Test(series).Value;
        Assert.Equal("ok", root.GetProperty("mannKendall").GetProperty("status").GetString());
        Assert.Equal(mk.S, root.GetProperty("mannKendall").GetProperty("s").GetInt64());
        Assert.Equal(MannKendall.Seasonal(series).Value.S, root.GetProperty("seasonalMannKendall").GetProperty("s").GetInt64());
        var its = InterruptedTimeSeries.Fit(series, Period.Month(2023, 7)).Value;
        var change = root.GetProperty("interruptedTimeSeries").GetProperty("changeAtLastPeriod");
        Assert.Equal(its.ChangeAtLastPeriod.Value, change.GetProperty("value").GetDouble());
        Assert.Equal(its.ChangeAtLastPeriod.Upper, change.GetProperty("upper").GetDouble());
        Assert.True(change.GetProperty("upper").GetDouble() < 0);
        Assert.Equal("ok", root.GetProperty("relativeChange").GetProperty("status").GetString());
        Assert.False(root.TryGetProperty("targetPath", out _));
    }

    [Fact]
    public void Stats_ShortSeries_SaysInsufficientDataAndSucceeds()
    {
        var series = ConsecutiveMonths.From(Period.Month(2024, 1), [5.0, 7, 6, 8, 9, 7.5, 10, 11]);
        var path = WriteCsv(series, header: false);

        var (exitCode, output, _) = Invoke("stats", path, "--intervention", "2024-05", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("insufficient", root.GetProperty("mannKendall").GetProperty("status").GetString());
        Assert.Equal("only 8 values; the Mann-Kendall test needs at least 10", root.GetProperty("mannKendall").GetProperty("reason").GetString());
        Assert.Equal(
            "only 4 monthly values before the intervention (2024-05); at least 12 are needed",
            root.GetProperty("interruptedTimeSeries").GetProperty("reason").GetString());
        Assert.Equal("only 4 baseline values; at least 12 are needed", root.GetProperty("relativeChange").GetProperty("reason").GetString());
    }

    [Fact]
    public void Stats_ShortSeriesTable_PrintsPlainReason()
    {
        var path = WriteCsv(ConsecutiveMonths.From(Period.Month(2024, 1), [5.0, 7, 6]));

        var (exitCode, output, _) = Invoke("stats", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("insufficient data: only 3 values; the Mann-Kendall test needs at least 10", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_InvalidRows_ReportsFileLineAndFieldAndExits1()
    {
        var path = Write("bad.csv", "date,value\n2024-01,5\n2024-13,6\n2024-03,abc\n2024-01,7\n2024-04\n");

        var (exitCode, output, error) = Invoke("stats", path);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"{path}:3: [date] '2024-13' is not a month (YYYY-MM or YYYY-MM-DD)",
            $"{path}:4: [value] 'abc' is not a finite number",
            $"{path}:5: [date] 2024-01 already appears on line 2",
            $"{path}:6: expected 2 fields (date,value), found 1",
        ], lines);
    }

    [Fact]
    public void Stats_FileTooLarge_Exits1()
    {
        var path = Write("large.csv", new string('#', (int)MonthlySeriesImporter.MaximumBytes + 1));

        var (exitCode, _, error) = Invoke("stats", path);

        Assert.Equal(1, exitCode);
        Assert.Equal($"{path}:0: the file is larger than {MonthlySeriesImporter.MaximumBytes} bytes", error.Trim());
    }

    [Theory]
    [InlineData("--intervention", "2023-7", "--intervention: '2023-7' is not a month (YYYY-MM)")]
    [InlineData("--target", "100", "--target and --due go together: give both or neither")]
    [InlineData("--due", "2026-12", "--target and --due go together: give both or neither")]
    public void Stats_BadOption_Exits2(string option, string value, string message)
    {
        var path = WriteCsv(Falling());

        var (exitCode, _, error) = Invoke("stats", path, option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal($"outcomes stats: {message}", error.Trim());
    }

    [Fact]
    public void Stats_NoSuchFile_Exits2()
    {
        var path = Path.Combine(folder.FullName, "missing.csv");

        var (exitCode, _, error) = Invoke("stats", path);

        Assert.Equal(2, exitCode);
        Assert.Equal($"outcomes stats: {path}: no such file", error.Trim());
    }
}
