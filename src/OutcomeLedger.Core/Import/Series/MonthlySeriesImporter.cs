using System.Globalization;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Import.Csv;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Series;

/// <summary>
/// Reads a two-column <c>date,value</c> CSV (RFC 4180, through the one <see cref="Rfc4180Reader"/>) into the values of
/// a monthly series, all or nothing. The header is optional: a first record whose date does not start with a digit is
/// taken as the header. Dates are YYYY-MM or YYYY-MM-DD (the day only has to be valid); the columns are named
/// <c>date</c> and <c>value</c> in errors whatever the header calls them. Every problem is reported with its file, line
/// and column, none is repaired.
/// </summary>
public static class MonthlySeriesImporter
{
    /// <summary>Largest input accepted, in bytes (a monthly series of centuries fits easily).</summary>
    public const long MaximumBytes = 1024 * 1024;

    /// <summary>Most data rows accepted: 200 years of months. Sen's slope holds n(n−1)/2 pairwise slopes (2.9 million here).</summary>
    public const int MaximumRows = 2_400;

    /// <summary>Largest magnitude of a value; beyond it sums of squares could overflow.</summary>
    public const double MaximumMagnitude = 1e15;

    const string DateColumn = "date";
    const string ValueColumn = "value";

    /// <summary>
    /// The bounds this importer reads within: <see cref="MaximumBytes"/>, room for the header and one row beyond
    /// <see cref="MaximumRows"/> (so the row count, not the record count, names the line that is too many), and any
    /// year a calendar month can have (a statistic of old data is not a ledger entry).
    /// </summary>
    public static ImportOptions Options { get; } = new()
    {
        MaxFileBytes = MaximumBytes,
        MaxRecords = MaximumRows + 2,
        MaxFieldLength = 1024,
        MinYear = 1,
        MaxYear = 9999,
    };

    public static ImportResult<MonthlyObservation> Import(Stream content, string fileName)
    {
        var errors = new List<ImportError>();
        var observations = new List<MonthlyObservation>();
        var source = CsvFile.ReadRecords(content, fileName, Options, (reader, found) => ReadSeries(reader, observations, found), errors);
        if (errors.Count == 0 && observations.Count == 0)
        {
            errors.Add(new ImportError(fileName, 1, "", "the file holds no values"));
        }

        return ImportResult<MonthlyObservation>.Create([source], observations, errors);
    }

    static void ReadSeries(Rfc4180Reader reader, List<MonthlyObservation> observations, List<ImportError> errors)
    {
        reader.ColumnNames = [DateColumn, ValueColumn];
        var firstLineOf = new Dictionary<Period, int>();
        var rows = 0;
        var firstRecord = true;
        while (reader.Read() is { } record)
        {
            var isFirstRecord = firstRecord;
            firstRecord = false;
            if (record.Error is { } error)
            {
                errors.Add(error);
                continue;
            }

            if (record.Fields.Count != 2)
            {
                errors.Add(new ImportError(reader.FileName, record.Line, "", $"expected 2 fields (date,value), found {record.Fields.Count}"));
                continue;
            }

            var dateText = record.Fields[0].Trim();
            var valueText = record.Fields[1].Trim();

            // A header is a first record whose date field is not even numeric ("date", "month", ...).
            if (isFirstRecord && (dateText.Length == 0 || !char.IsAsciiDigit(dateText[0])))
            {
                continue;
            }

            if (!TryParseMonth(dateText, out var month))
            {
                errors.Add(new ImportError(reader.FileName, record.Line, DateColumn, $"'{CsvRow.Shorten(dateText)}' is not a month (YYYY-MM or YYYY-MM-DD)"));
                continue;
            }

            if (++rows > MaximumRows)
            {
                errors.Add(new ImportError(reader.FileName, record.Line, "", $"more than {MaximumRows} rows"));
                return;
            }

            if (!TryParseValue(valueText, out var value, out var problem))
            {
                errors.Add(new ImportError(reader.FileName, record.Line, ValueColumn, problem));
                continue;
            }

            if (firstLineOf.TryGetValue(month, out var earlier))
            {
                errors.Add(new ImportError(reader.FileName, record.Line, DateColumn, $"{month} already appears on line {earlier}"));
                continue;
            }

            firstLineOf[month] = record.Line;
            observations.Add(new MonthlyObservation(month, value));
        }
    }

    // A finite number within ±MaximumMagnitude, or what is wrong with the text.
    static bool TryParseValue(string text, out double value, out string problem)
    {
        value = 0;
        problem = text.Length == 0 ? "the value is empty"
            : !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value) ? $"'{CsvRow.Shorten(text)}' is not a finite number"
            : Math.Abs(value) > MaximumMagnitude ? $"'{CsvRow.Shorten(text)}' is beyond ±1e15"
            : "";
        return problem.Length == 0;
    }

    /// <summary>YYYY-MM, or YYYY-MM-DD with a valid day.</summary>
    static bool TryParseMonth(string text, out Period month)
    {
        if (text.Length == 10)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                month = Period.Month(date.Year, date.Month);
                return true;
            }

            month = default;
            return false;
        }

        return Period.TryParseMonth(text, out month);
    }
}
