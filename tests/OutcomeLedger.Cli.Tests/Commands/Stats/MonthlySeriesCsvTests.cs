using OutcomeLedger.Cli.Commands.Stats;
using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Cli.Tests.Commands.Stats;

public class MonthlySeriesCsvTests
{
    [Fact]
    public void Parse_QuotedFieldsDaysAndCrLf_ReadsMonths()
    {
        var (series, problems) = MonthlySeriesCsv.Parse("f.csv", "\"date\",\"value\"\r\n\"2024-02-29\",\"1.5\"\r\n2024-03-31,-2e3\r\n\r\n");

        Assert.Empty(problems);
        Assert.NotNull(series);
        Assert.Equal([new MonthlyObservation(new YearMonth(2024, 2), 1.5), new MonthlyObservation(new YearMonth(2024, 3), -2000)], series.Observations);
    }

    [Fact]
    public void Parse_NoHeader_ReadsFirstLineAsData()
    {
        var (series, _) = MonthlySeriesCsv.Parse("f.csv", "2024-01,1\n2024-02,2\n");

        Assert.Equal(2, series!.Count);
    }

    [Theory]
    [InlineData("2023-02-29,1\n", 1, "date")]
    [InlineData("2024-01,NaN\n", 1, "value")]
    [InlineData("2024-01,\n", 1, "value")]
    [InlineData("2024-01,2e15\n", 1, "value")]
    [InlineData("2024-01,\"1\n", 1, "record")]
    [InlineData("date,value\n2024-01,1,2\n", 2, "record")]
    [InlineData("date,value\n", 1, "record")]
    [InlineData("", 1, "record")]
    public void Parse_Invalid_NamesLineAndField(string content, int line, string field)
    {
        var (series, problems) = MonthlySeriesCsv.Parse("f.csv", content);

        Assert.Null(series);
        var problem = Assert.Single(problems);
        Assert.Equal(("f.csv", line, field), (problem.File, problem.Line, problem.Field));
    }

    [Fact]
    public void Parse_TooManyRows_StopsWithProblem()
    {
        var content = string.Concat(Enumerable.Range(0, MonthlySeriesCsv.MaximumRows + 1).Select(i => $"{new YearMonth(1000, 1).AddMonths(i)},1\n"));

        var (series, problems) = MonthlySeriesCsv.Parse("f.csv", content);

        Assert.Null(series);
        Assert.Equal($"more than {MonthlySeriesCsv.MaximumRows} rows", Assert.Single(problems).Message);
    }
}
