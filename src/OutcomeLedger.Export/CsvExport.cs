using System.Text;
using OutcomeLedger.Core.Reports;

namespace OutcomeLedger.Export;

/// <summary>
/// An export sheet as a CSV file (RFC 4180): a header row, then one record a row; fields separated by commas, records by
/// CRLF; a field with a comma, a quote, a CR or an LF quoted, its quotes doubled. UTF-8 without a byte order mark.
/// Numbers are written exactly with a point (1234.5), dates as ISO 8601 (2026-02-01): the file is for programs and
/// any locale, the xlsx for people.
/// </summary>
public static class CsvExport
{
    /// <summary>The media type of what <see cref="Write"/> returns (RFC 4180 §3, RFC 7111's header parameter).</summary>
    public const string MediaType = "text/csv; charset=utf-8; header=present";

    /// <summary>A sheet's file name in a CSV folder: its name (already safe for files) and ".csv".</summary>
    public static string FileName(ExportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Name + ".csv";
    }

    public static byte[] Write(ExportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();
        Record(text, sheet.Columns.Select(c => c.Header));
        foreach (var row in sheet.Rows)
        {
            Record(text, row.Select(cell => cell.Invariant));
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    static void Record(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
