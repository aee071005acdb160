using System.Globalization;
using OutcomeLedger.Core.Import.Csv;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Mapped;

/// <summary>
/// Imports any RFC 4180 CSV with a header through a <see cref="ColumnMapping"/>: periods written <c>yyyy-MM</c> (or
/// days, <c>yyyy-MM-dd</c>, with <see cref="MappedCsvRules.PeriodFromDate"/>), values in the invariant culture, every
/// mapped dimension non-empty. Columns not in the mapping are ignored; <see cref="MappedCsvRules.Filters"/> keep only
/// the rows of one series of a long file. Several rows of one month are combined as the rules say, and running totals
/// become monthly flows (<see cref="MappedCsvRules.Cumulative"/>), each value's note saying how it was derived.
/// </summary>
public static class MappedCsvImporter
{
    /// <summary>The rows a note names one by one; more are counted.</summary>
    const int RowsNamed = 12;

    public static ImportResult<ImportedObservation> Import(Stream content, string fileName, ColumnMapping mapping, MappedCsvRules? rules = null, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        rules ??= MappedCsvRules.Default;
        options ??= ImportOptions.Default;
        if (rules.Cumulative && rules.Aggregate is MonthAggregate.Sum or MonthAggregate.Count)
        {
            throw new ArgumentException("running totals are combined by their last figure of a month, not summed or counted", nameof(rules));
        }

        var errors = new List<ImportError>();
        var groups = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var order = new List<string>();
        var columns = mapping.Columns.Concat(rules.Filters.Keys).Distinct(StringComparer.Ordinal).ToList();
        var source = CsvFile.Read(content, fileName, options, columns, allowOtherColumns: true, row =>
        {
            if (rules.Filters.Any(f => !string.Equals(row[f.Key], f.Value, StringComparison.Ordinal)))
            {
                return;
            }

            Period period = default;
            DateOnly? date = null;
            if (rules.PeriodFromDate)
            {
                date = row.Date(mapping.PeriodColumn, options);
                if (date is { } day && !options.TryMonth(day.Year, day.Month, out period, out var monthError))
                {
                    row.AddError(mapping.PeriodColumn, monthError);
                }
            }
            else if (!options.TryParseMonth(row[mapping.PeriodColumn], out period, out var periodError))
            {
                row.AddError(mapping.PeriodColumn, periodError);
            }

            var value = row.Decimal(mapping.ValueColumn, rules.AllowNegativeValues);
            var dimensions = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (dimension, column) in mapping.DimensionColumns)
            {
                if (row.Required(column) is { } dimensionValue)
                {
                    dimensions.Add(dimension, dimensionValue);
                }
            }

            var note = mapping.NoteColumn is null || row[mapping.NoteColumn].Length == 0 ? null : row[mapping.NoteColumn];
            if (row.HasErrors)
            {
                return;
            }

            var key = string.Join('\u001f', [period.ToString(), .. dimensions.Values]);
            if (!groups.TryGetValue(key, out var rows))
            {
                groups.Add(key, rows = []);
                order.Add(key);
            }
            else if (rules.Aggregate is null && !rules.SumDuplicates)
            {
                row.AddError("", $"a second row for {Describe(period, dimensions)}; the first is on line {rows[0].Line} (give --aggregate sum|last|count, or --sum-duplicates, if several rows make one month's value)");
                return;
            }

            rows.Add(new Row(period, date, dimensions, value!.Value, row.FileName, row.Line, note));
        }, errors);

        var observations = new List<ImportedObservation>();
        foreach (var key in order)
        {
            if (Combine(groups[key], rules) is { } observation)
            {
                observations.Add(observation);
            }
            else
            {
                var first = groups[key][0];
                errors.Add(new ImportError(first.File, first.Line, mapping.ValueColumn, $"the sum for {Describe(first.Period, first.Dimensions)} overflows"));
            }
        }

        var skipped = new List<SkippedRow>();
        if (rules.Cumulative && errors.Count == 0)
        {
            observations = Flows(observations, groups, skipped);
        }

        observations = [.. observations
            .OrderBy(o => o.Period)
            .ThenBy(o => string.Join('\u001f', o.Dimensions.Values), StringComparer.Ordinal)];
        return ImportResult<ImportedObservation>.Create([source], observations, errors, skipped);
    }

    /// <summary>One month's value of one series from its rows, with a note naming the rows when there are several or they are days.</summary>
    static ImportedObservation? Combine(List<Row> rows, MappedCsvRules rules)
    {
        var first = rows[0];
        var aggregate = rules.Aggregate ?? (rules.Cumulative ? MonthAggregate.Last : MonthAggregate.Sum);
        if (rows.Count == 1 && aggregate != MonthAggregate.Count && first.Date is null)
        {
            return new ImportedObservation(first.Period, first.Dimensions, first.Value, first.File, first.Line, first.Note);
        }

        var last = rows.OrderBy(r => r.Date).ThenBy(r => r.Line).Last();
        decimal value;
        string how;
        switch (aggregate)
        {
            case MonthAggregate.Count:
                value = rows.Count;
                how = $"count of {rows.Count} row{(rows.Count == 1 ? "" : "s")}";
                break;
            case MonthAggregate.Last:
                value = last.Value;
                how = rows.Count == 1 ? "one row" : $"last of {rows.Count} rows";
                break;
            default:
                try
                {
                    value = rows.Aggregate(0m, (sum, r) => checked(sum + r.Value));
                }
                catch (OverflowException)
                {
                    return null;
                }

                how = rows.Count == 1 ? "one row" : $"sum of {rows.Count} rows";
                break;
        }

        var named = aggregate == MonthAggregate.Last ? [last] : rows.Take(RowsNamed).ToList();
        var listed = string.Join("; ", named.Select(RowText)) + (aggregate != MonthAggregate.Last && rows.Count > RowsNamed ? $"; and {rows.Count - RowsNamed} more" : "");
        var note = $"{how}: {listed}";
        var notes = rows.Select(r => r.Note).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (notes.Count > 0)
        {
            note += " — " + string.Join("; ", notes);
        }

        var line = aggregate == MonthAggregate.Last ? last.Line : first.Line;
        return new ImportedObservation(first.Period, first.Dimensions, value, first.File, line, note);
    }

    /// <summary>
    /// Each month's flow from running totals: the month's figure less the previous month's, when the previous month
    /// has one and the total did not fall; otherwise the month is skipped with its reason.
    /// </summary>
    static List<ImportedObservation> Flows(List<ImportedObservation> totals, Dictionary<string, List<Row>> groups, List<SkippedRow> skipped)
    {
        var flows = new List<ImportedObservation>();
        foreach (var series in totals.GroupBy(o => string.Join('\u001f', o.Dimensions.Values), StringComparer.Ordinal))
        {
            ImportedObservation? previous = null;
            foreach (var total in series.OrderBy(o => o.Period))
            {
                var at = Last(groups, total);
                if (previous is null || previous.Period.AddMonths(1) != total.Period)
                {
                    skipped.Add(previous is null
                        ? new SkippedRow(total.SourceFile, total.SourceLine, total.Period,
                            "the first figure of a running total: it holds the months since the total's start, not one month's flow")
                        { Code = SkipCode.CumulativeFirst }
                        : new SkippedRow(total.SourceFile, total.SourceLine, total.Period,
                            $"a running total with no figure for the month before (the last is {previous.Period}): the change spans more than this month, so it is not a monthly flow")
                        {
                            Code = SkipCode.CumulativeGap,
                            Values = new Dictionary<string, string> { ["previous"] = previous.Period.ToString() },
                        });
                }
                else
                {
                    var before = Last(groups, previous);
                    var values = new Dictionary<string, string>
                    {
                        ["from"] = Number(previous.Value),
                        ["fromDate"] = before.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? previous.Period.ToString(),
                        ["to"] = Number(total.Value),
                        ["toDate"] = at.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? total.Period.ToString(),
                    };
                    if (total.Value < previous.Value)
                    {
                        skipped.Add(new SkippedRow(total.SourceFile, total.SourceLine, total.Period,
                            $"the running total fell from {values["from"]} ({values["fromDate"]}) to {values["to"]} ({values["toDate"]}): not a monthly flow; a revision or an error in the source")
                        {
                            Code = SkipCode.CumulativeFell,
                            Values = values,
                        });
                    }
                    else
                    {
                        flows.Add(total with
                        {
                            Value = total.Value - previous.Value,
                            Note = $"monthly flow from a running total: {values["to"]} ({values["toDate"]}, line {at.Line}) less {values["from"]} ({values["fromDate"]}, line {before.Line})",
                        });
                    }
                }

                previous = total;
            }
        }

        return flows;
    }

    static Row Last(Dictionary<string, List<Row>> groups, ImportedObservation o) =>
        groups[string.Join('\u001f', [o.Period.ToString(), .. o.Dimensions.Values])].OrderBy(r => r.Date).ThenBy(r => r.Line).Last();

    static string RowText(Row row) =>
        $"{(row.Date is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " : "")}line {row.Line.ToString(CultureInfo.InvariantCulture)}: {Number(row.Value)}";

    static string Number(decimal value) => RecordJson.FormatDecimal(value);

    static string Describe(Period period, SortedDictionary<string, string> dimensions) =>
        dimensions.Count == 0 ? period.ToString() : $"{period} with {string.Join(", ", dimensions.Select(d => $"{d.Key}={d.Value}"))}";

    sealed record Row(Period Period, DateOnly? Date, SortedDictionary<string, string> Dimensions, decimal Value, string File, int Line, string? Note);
}
