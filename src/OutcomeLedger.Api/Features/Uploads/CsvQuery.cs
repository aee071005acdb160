using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Formats;
using OutcomeLedger.Core.Import.Mapped;

namespace OutcomeLedger.Api.Features.Uploads;

/// <summary>
/// How an uploaded CSV is read, as the options of <c>outcomes import csv</c> and <c>outcomes verify-source csv</c>: the
/// column mapping and the rules for several rows of a month, day dates and running totals. One definition for the
/// imports and the source checks.
/// </summary>
public sealed record CsvQuery
{
    /// <summary>Columns to targets: period=Month,value=Total[,note=Column][,dimension=Column…].</summary>
    [FromQuery(Name = "map")]
    public string? Map { get; init; }

    /// <summary>Sum rows with the same period and dimensions (the file lists parts of one total).</summary>
    [FromQuery(Name = "sumDuplicates")]
    public bool? SumDuplicates { get; init; }

    /// <summary>Accept negative values (changes, balances).</summary>
    [FromQuery(Name = "allowNegative")]
    public bool? AllowNegative { get; init; }

    /// <summary>The period column holds days (yyyy-MM-dd): each row belongs to its month.</summary>
    [FromQuery(Name = "periodFromDate")]
    public bool? PeriodFromDate { get; init; }

    /// <summary>How several rows of one month make its value: sum (parts of a total), last (the month's latest running figure) or count (one row per event).</summary>
    [FromQuery(Name = "aggregate")]
    public string? Aggregate { get; init; }

    /// <summary>The values are running totals: each month's flow is recorded (its total less the previous month's); a month without the previous figure, or whose total fell, is skipped.</summary>
    [FromQuery(Name = "cumulative")]
    public bool? Cumulative { get; init; }

    /// <summary>Read only rows whose column holds this value, column=value (repeatable), e.g. metric=fentanyl_seized_weight.</summary>
    [FromQuery(Name = "where")]
    public string[]? Where { get; init; }

    /// <summary>The reader these options describe, its values recorded as <paramref name="dataset"/>; or the problem naming the field that is wrong, in the CLI's words.</summary>
    public SourceFormat? Format(string dataset, out ProblemHttpResult? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(Map))
        {
            problem = ApiProblem.BadRequest("map", "?map= is required: period=Month,value=Total[,note=Column][,dimension=Column…]");
            return null;
        }

        if (!ColumnMapping.TryParse(Map, out var mapping, out var mapError))
        {
            problem = ApiProblem.BadRequest("map", mapError);
            return null;
        }

        MonthAggregate? aggregate = null;
        if (Aggregate is not null)
        {
            aggregate = Enum.GetValues<MonthAggregate>().Where(a => a.ToString().Equals(Aggregate, StringComparison.OrdinalIgnoreCase)).Cast<MonthAggregate?>().FirstOrDefault();
            if (aggregate is null)
            {
                problem = ApiProblem.BadRequest("aggregate", $"aggregate: '{Aggregate}' is not sum, last or count");
                return null;
            }
        }

        if (Cumulative == true && aggregate is MonthAggregate.Sum or MonthAggregate.Count)
        {
            problem = ApiProblem.BadRequest("cumulative", "cumulative: running totals are combined by the month's last figure (aggregate=last), not summed or counted");
            return null;
        }

        var filters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in Where ?? [])
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == text.Length - 1)
            {
                problem = ApiProblem.BadRequest("where", $"where: '{text}' is not column=value");
                return null;
            }

            if (!filters.TryAdd(text[..equals].Trim(), text[(equals + 1)..].Trim()))
            {
                problem = ApiProblem.BadRequest("where", $"where: '{text[..equals]}' is given twice");
                return null;
            }
        }

        return SourceFormats.MappedCsv(dataset, mapping, new MappedCsvRules
        {
            SumDuplicates = SumDuplicates == true,
            AllowNegativeValues = AllowNegative == true,
            PeriodFromDate = PeriodFromDate == true,
            Aggregate = aggregate,
            Cumulative = Cumulative == true,
            Filters = filters,
        });
    }
}
