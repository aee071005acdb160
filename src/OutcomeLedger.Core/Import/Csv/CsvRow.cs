using System.Globalization;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Csv;

/// <summary>
/// One data record of a CSV file with a header, read by column name. The typed getters record an error naming
/// the line and column and return null when a field does not parse, so one pass finds every bad field.
/// </summary>
internal sealed class CsvRow
{
    readonly IReadOnlyList<string> _fields;
    readonly IReadOnlyDictionary<string, int> _index;
    readonly List<ImportError> _errors;
    readonly int _errorsBefore;

    public CsvRow(string fileName, int line, IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> index, List<ImportError> errors)
    {
        FileName = fileName;
        Line = line;
        _fields = fields;
        _index = index;
        _errors = errors;
        _errorsBefore = errors.Count;
    }

    public string FileName { get; }

    public int Line { get; }

    /// <summary>True once any getter or <see cref="AddError"/> found a problem in this row.</summary>
    public bool HasErrors => _errors.Count > _errorsBefore;

    public string this[string column] => _fields[_index[column]];

    public void AddError(string column, string message) => _errors.Add(new ImportError(FileName, Line, column, message));

    public string? Required(string column)
    {
        var text = this[column];
        if (string.IsNullOrWhiteSpace(text))
        {
            AddError(column, "is empty");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A decimal read exactly by <see cref="MeasurementNumber"/>: optional sign, digits, optional decimal point, optional
    /// exponent (CBP writes the smallest seizures as 2.20462262e-05); no digit grouping, no spaces, no control
    /// characters; a value that would be rounded (1e-30, 34 digits) is an error, never a rounded number.
    /// </summary>
    public decimal? Decimal(string column, bool allowNegative)
    {
        var text = this[column];
        if (text.Length == 0)
        {
            AddError(column, "is empty");
            return null;
        }

        if (!MeasurementNumber.TryParse(text, out var value, out var problem))
        {
            AddError(column, problem.ToString());
            return null;
        }

        if (value < 0 && !allowNegative)
        {
            AddError(column, $"negative value {text} is not meaningful here");
            return null;
        }

        return value;
    }

    /// <summary>A count: digits only.</summary>
    public long? Count(string column)
    {
        var text = this[column];
        if (text.Length == 0)
        {
            AddError(column, "is empty");
            return null;
        }

        if (text.StartsWith('-') && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            AddError(column, $"negative count {text} is not meaningful");
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            AddError(column, $"'{Shorten(text)}' is not a whole number");
            return null;
        }

        return value;
    }

    /// <summary>A date written yyyy-MM-dd whose year is within the options' plausible range.</summary>
    public DateOnly? Date(string column, ImportOptions options)
    {
        var text = this[column];
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            AddError(column, text.Length == 0 ? "is empty" : $"'{Shorten(text)}' is not a date written yyyy-MM-dd");
            return null;
        }

        if (date.Year < options.MinYear || date.Year > options.MaxYear)
        {
            AddError(column, $"year {date.Year} is outside the plausible range {options.MinYear}..{options.MaxYear}");
            return null;
        }

        return date;
    }

    /// <summary>An absolute http or https address.</summary>
    public Uri? WebAddress(string column)
    {
        var text = this[column];
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            AddError(column, text.Length == 0 ? "is empty" : $"'{Shorten(text)}' is not an absolute http(s) address");
            return null;
        }

        return uri;
    }

    // Error messages quote the offending text, but never a whole oversized field.
    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
