using System.Globalization;
using OutcomeLedger.Core.Import.Csv;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Cdc;

/// <summary>
/// Reads CDC NCHS Vital Statistics Rapid Release provisional drug overdose death counts (data.cdc.gov dataset
/// xkb8-kh2a, in its API column names) into a monthly series. Each value counts deaths in the 12 months ending
/// with the row's month; the observation's period is that ending month. Footnotes become the observation's note.
/// Rows whose value CDC withheld (low data quality, or suppressed below 10) are listed as skipped with CDC's
/// footnote as the reason; an empty value without such a footnote is an error.
/// </summary>
public static class CdcOverdoseImporter
{
    public const string StateColumn = "state";
    public const string YearColumn = "year";
    public const string MonthColumn = "month";
    public const string PeriodColumn = "period";
    public const string IndicatorColumn = "indicator";
    public const string PercentCompleteColumn = "percent_complete";
    public const string PercentPendingColumn = "percent_pending_investigation";
    public const string StateNameColumn = "state_name";
    public const string FootnoteColumn = "footnote";
    public const string FootnoteSymbolColumn = "footnote_symbol";
    public const string DataValueColumn = "data_value";
    public const string PredictedValueColumn = "predicted_value";

    /// <summary>The only period type the dataset uses; values are not monthly counts.</summary>
    public const string TwelveMonthEnding = "12 month-ending";

    static readonly string[] Columns =
    [
        StateColumn, YearColumn, MonthColumn, PeriodColumn, IndicatorColumn, PercentCompleteColumn, PercentPendingColumn,
        StateNameColumn, FootnoteColumn, FootnoteSymbolColumn, DataValueColumn, PredictedValueColumn,
    ];

    // CDC's footnote phrases for a value it does not publish.
    static readonly string[] WithheldPhrases = ["Data not shown due to low data quality", "Data suppressed"];

    public static ImportResult<ImportedObservation> Import(Stream content, string fileName, CdcOverdoseSelection selection, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(selection);
        options ??= ImportOptions.Default;
        var errors = new List<ImportError>();
        var skipped = new List<SkippedRow>();
        var observations = new List<ImportedObservation>();
        var seen = new Dictionary<(string State, string Indicator, Period Period), int>();
        var states = new HashSet<string>(StringComparer.Ordinal);
        var indicators = new HashSet<string>(StringComparer.Ordinal);
        var valueColumn = selection.ValueKind == CdcValueKind.Reported ? DataValueColumn : PredictedValueColumn;

        var source = CsvFile.Read(content, fileName, options, Columns, allowOtherColumns: false, row =>
        {
            var key = ReadKey(row, options);
            var percentComplete = row.Decimal(PercentCompleteColumn, allowNegative: false);
            var percentPending = row.Decimal(PercentPendingColumn, allowNegative: false);
            CheckPercent(row, PercentCompleteColumn, percentComplete);
            CheckPercent(row, PercentPendingColumn, percentPending);
            if (key is not { } k)
            {
                return;
            }

            states.Add(k.State);
            indicators.Add(k.Indicator);
            if (!seen.TryAdd(k, row.Line))
            {
                row.AddError("", $"a second row for {k.State}, '{k.Indicator}', {k.Period}; the first is on line {seen[k]}");
                return;
            }

            // Both values are checked on every row, selected or not: a malformed file is not trusted in part.
            var reported = ReadValue(row, DataValueColumn);
            var predicted = ReadValue(row, PredictedValueColumn);
            if (row.HasErrors || !Selects(selection, k))
            {
                return;
            }

            var footnote = row[FootnoteColumn];
            var value = selection.ValueKind == CdcValueKind.Reported ? reported : predicted;
            if (value is { } v)
            {
                var dimensions = selection.State is null
                    ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["state"] = k.State }
                    : new SortedDictionary<string, string>(StringComparer.Ordinal);
                observations.Add(new ImportedObservation(k.Period, dimensions, v, row.FileName, row.Line, footnote.Length == 0 ? null : footnote));
            }
            else if (WithheldPhrases.Any(phrase => footnote.Contains(phrase, StringComparison.OrdinalIgnoreCase)))
            {
                skipped.Add(new SkippedRow(row.FileName, row.Line, k.Period, $"{k.State}: {valueColumn} withheld by CDC: {footnote}"));
            }
            else
            {
                row.AddError(valueColumn, "is empty, and the footnote gives no reason (CDC marks withheld values as low data quality or suppressed)");
            }
        }, errors);

        if (errors.Count == 0)
        {
            if (selection.State is { } state && !states.Contains(state))
            {
                errors.Add(new ImportError(fileName, 0, StateColumn, $"no row for state '{state}'; the file has {List(states)}"));
            }

            if (!indicators.Contains(selection.Indicator))
            {
                errors.Add(new ImportError(fileName, 0, IndicatorColumn, $"no row for indicator '{selection.Indicator}'; the file has {List(indicators)}"));
            }
        }

        var ordered = observations
            .OrderBy(o => o.Period)
            .ThenBy(o => o.Dimensions.TryGetValue("state", out var s) ? s : "", StringComparer.Ordinal)
            .ToList();
        return ImportResult<ImportedObservation>.Create([source], ordered, errors, errors.Count == 0 ? skipped : []);
    }

    static bool Selects(CdcOverdoseSelection selection, (string State, string Indicator, Period Period) key) =>
        (selection.State is null || selection.State == key.State) && selection.Indicator == key.Indicator;

    static (string State, string Indicator, Period Period)? ReadKey(CsvRow row, ImportOptions options)
    {
        var state = row.Required(StateColumn);
        var indicator = row.Required(IndicatorColumn);
        row.Required(StateNameColumn);
        var period = row[PeriodColumn];
        if (period != TwelveMonthEnding)
        {
            row.AddError(PeriodColumn, $"'{CsvRow.Shorten(period)}' is not '{TwelveMonthEnding}', the only period type this importer understands");
        }

        var yearText = row[YearColumn];
        var year = 0;
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            row.AddError(YearColumn, $"'{CsvRow.Shorten(yearText)}' is not a four-digit year");
        }

        var monthText = row[MonthColumn];
        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, name => name.Length > 0 && name.Equals(monthText, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0)
        {
            row.AddError(MonthColumn, $"'{CsvRow.Shorten(monthText)}' is not an English month name");
        }

        var ending = default(Period);
        if (year > 0 && month > 0 && !options.TryMonth(year, month, out ending, out var periodError))
        {
            row.AddError(YearColumn, periodError);
        }

        return row.HasErrors ? null : (state!, indicator!, ending);
    }

    static decimal? ReadValue(CsvRow row, string column)
    {
        if (row[column].Length == 0)
        {
            return null;
        }

        var value = row.Decimal(column, allowNegative: false);
        if (value is { } deaths && deaths != decimal.Truncate(deaths))
        {
            row.AddError(column, $"{row[column]} is not a whole number of deaths");
        }

        return value;
    }

    static void CheckPercent(CsvRow row, string column, decimal? value)
    {
        if (value > 100)
        {
            row.AddError(column, $"{row[column]} is more than 100 percent");
        }
    }

    static string List(IEnumerable<string> values)
    {
        var sorted = values.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "none" : string.Join(", ", sorted.Take(60).Select(v => $"'{v}'")) + (sorted.Count > 60 ? ", ..." : "");
    }
}
