using System.Globalization;
using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>
/// Reads a two-column <c>date,value</c> CSV (RFC 4180 quoting, one record per line) into a monthly series.
/// The header is optional: a first line whose date field does not parse is taken as the header. Dates are
/// YYYY-MM or YYYY-MM-DD (the day only has to be valid). Every problem is reported, none is repaired.
/// </summary>
internal static class MonthlySeriesCsv
{
    /// <summary>Largest input accepted, in bytes (a monthly series of centuries fits easily).</summary>
    public const long MaximumBytes = 1024 * 1024;

    /// <summary>Most data rows accepted: 200 years of months. Sen's slope holds n(n−1)/2 pairwise slopes (2.9 million here).</summary>
    public const int MaximumRows = 2_400;

    /// <summary>Largest magnitude of a value; beyond it sums of squares could overflow.</summary>
    public const double MaximumMagnitude = 1e15;

    const int MaximumProblems = 20;

    public static (MonthlySeries? Series, IReadOnlyList<CsvProblem> Problems) Parse(string file, string content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<CsvProblem>();
        var observations = new List<MonthlyObservation>();
        var firstLineOf = new Dictionary<YearMonth, int>();
        var lines = content.Split('\n');
        var rows = 0;
        var firstRecord = true;
        for (var index = 0; index < lines.Length && problems.Count < MaximumProblems; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var isFirstRecord = firstRecord;
            firstRecord = false;
            if (!TrySplit(line, out var fields, out var splitError))
            {
                problems.Add(new CsvProblem(file, lineNumber, "record", splitError));
                continue;
            }

            if (fields.Count != 2)
            {
                problems.Add(new CsvProblem(file, lineNumber, "record", $"expected 2 fields (date,value), found {fields.Count}"));
                continue;
            }

            var dateText = fields[0].Trim();
            var valueText = fields[1].Trim();

            // A header is a first line whose date field is not even numeric ("date", "month", ...).
            if (isFirstRecord && (dateText.Length == 0 || !char.IsAsciiDigit(dateText[0])))
            {
                continue;
            }

            if (!TryParseMonth(dateText, out var month))
            {
                problems.Add(new CsvProblem(file, lineNumber, "date", $"'{Shorten(dateText)}' is not a month (YYYY-MM or YYYY-MM-DD)"));
                continue;
            }

            if (++rows > MaximumRows)
            {
                problems.Add(new CsvProblem(file, lineNumber, "record", $"more than {MaximumRows} rows"));
                break;
            }

            if (valueText.Length == 0)
            {
                problems.Add(new CsvProblem(file, lineNumber, "value", "the value is empty"));
                continue;
            }

            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                problems.Add(new CsvProblem(file, lineNumber, "value", $"'{Shorten(valueText)}' is not a finite number"));
                continue;
            }

            if (Math.Abs(value) > MaximumMagnitude)
            {
                problems.Add(new CsvProblem(file, lineNumber, "value", $"'{Shorten(valueText)}' is beyond ±1e15"));
                continue;
            }

            if (firstLineOf.TryGetValue(month, out var earlier))
            {
                problems.Add(new CsvProblem(file, lineNumber, "date", $"{month} already appears on line {earlier}"));
                continue;
            }

            firstLineOf[month] = lineNumber;
            observations.Add(new MonthlyObservation(month, value));
        }

        if (problems.Count == 0 && observations.Count == 0)
        {
            problems.Add(new CsvProblem(file, 1, "record", "the file holds no values"));
        }

        return problems.Count > 0 ? (null, problems) : (MonthlySeries.Create(observations), problems);
    }

    /// <summary>YYYY-MM, or YYYY-MM-DD with a valid day.</summary>
    public static bool TryParseMonth(string text, out YearMonth month)
    {
        if (text.Length == 10)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                month = new YearMonth(date.Year, date.Month);
                return true;
            }

            month = default;
            return false;
        }

        return YearMonth.TryParse(text, out month);
    }

    // RFC 4180 §2: fields may be quoted; a quote inside a quoted field is doubled. Records span one line.
    static bool TrySplit(string line, out List<string> fields, out string error)
    {
        fields = [];
        error = "";
        var field = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "a quoted field is not closed on its line";
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = "text follows a closing quote";
                    return false;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        error = "a quote inside an unquoted field";
                        return false;
                    }

                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return true;
            }

            i++; // the comma
        }
    }

    static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
