using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OutcomeLedger.Core.Reports;

namespace OutcomeLedger.Export;

/// <summary>
/// An export as an xlsx workbook (ECMA-376, SpreadsheetML), written with the Open XML SDK: one worksheet a sheet, the
/// header row in bold and frozen, numbers as number cells (the exact decimal), dates as date cells (serial days with
/// a yyyy-mm-dd format), text as inline strings. docs/export.md says why this library.
/// </summary>
public static class XlsxExport
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats (cellXfs) of the stylesheet below, by index.
    const uint Plain = 0;
    const uint DateFormat = 1;
    const uint Header = 2;

    // The first custom number format id (ids below 164 are built in, ECMA-376 §18.8.30).
    const uint IsoDate = 164;

    // Day 0 of the 1900 date system as spreadsheets count it (serial 1 = 1900-01-01, with Lotus's leap day 1900-02-29).
    static readonly DateOnly Epoch = new(1899, 12, 30);

    static readonly DateTime MinZipTime = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    static readonly DateTime MaxZipTime = new(2107, 12, 31, 23, 59, 58, DateTimeKind.Utc);

    /// <summary>
    /// The workbook's bytes, the same for the same workbook (<c>outcomes export</c> of one checkpoint gives one file): the
    /// parts' relationship ids are numbered, not the SDK's random ones; the core properties are written here rather than
    /// by System.IO.Packaging (which names their part at random); and every zip entry is dated
    /// <see cref="ExportWorkbook.Time"/> (the checkpoint's log time) rather than the moment of writing.
    /// </summary>
    public static byte[] Write(ExportWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            document.ChangeIdOfPart(book, "rId1");
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            book.ChangeIdOfPart(styles, "rId1");
            styles.Stylesheet = Styles();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in workbook.Sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var relationship = "rId" + (id + 1).ToString(CultureInfo.InvariantCulture);
                book.ChangeIdOfPart(part, relationship);
                part.Worksheet = Worksheet(sheet);
                sheets.Append(new Sheet { Id = relationship, SheetId = id++, Name = sheet.Name });
            }

            var core = document.AddCoreFilePropertiesPart();
            document.ChangeIdOfPart(core, "rId2");
            using var properties = core.GetStream(FileMode.Create, FileAccess.Write);
            CoreProperties(workbook).Save(properties);
        }

        return Dated(stream.ToArray(), workbook.Time);
    }

    // docProps/core.xml (ECMA-376 Part 2, §11): the title, the language, and created = modified = the checkpoint's time.
    static XDocument CoreProperties(ExportWorkbook workbook)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var time = workbook.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", "yes"),
            new XElement(
                cp + "coreProperties",
                new XAttribute(XNamespace.Xmlns + "cp", cp),
                new XAttribute(XNamespace.Xmlns + "dc", dc),
                new XAttribute(XNamespace.Xmlns + "dcterms", dcterms),
                new XAttribute(XNamespace.Xmlns + "xsi", xsi),
                new XElement(dc + "title", workbook.Title),
                new XElement(dc + "language", workbook.Language),
                new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"), time),
                new XElement(dcterms + "modified", new XAttribute(xsi + "type", "dcterms:W3CDTF"), time)));
    }

    /// <summary>
    /// The zip again, entry for entry in the same order and with the same contents, each dated <paramref name="time"/>
    /// (System.IO.Packaging dates them when it writes them, from the machine's clock; a zip date is local time to the
    /// two seconds, 1980–2107: the checkpoint's UTC time, clamped to that range).
    /// </summary>
    internal static byte[] Dated(byte[] zip, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var stamp = new DateTimeOffset(utc < MinZipTime ? MinZipTime : utc > MaxZipTime ? MaxZipTime : utc, TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    static Worksheet Worksheet(ExportSheet sheet)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), sheet.Columns[c].Header, Header));
        }

        data.Append(header);
        uint r = 2;
        foreach (var row in sheet.Rows)
        {
            var line = new Row { RowIndex = r };
            for (var c = 0; c < row.Count; c++)
            {
                if (Cell(Reference(c, r), row[c]) is { } cell)
                {
                    line.Append(cell);
                }
            }

            data.Append(line);
            r++;
        }

        // The header stays in view while scrolling (ECMA-376 §18.3.1.66).
        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        return new Worksheet(new SheetViews(view), Widths(sheet), data);
    }

    // Wide enough for the longest value of each column, within reason (long texts wrap in the reader's hands).
    static Columns Widths(ExportSheet sheet)
    {
        var columns = new Columns();
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var longest = sheet.Rows.Select(row => c < row.Count ? Width(row[c]) : 0).Append(sheet.Columns[c].Header.Length).Max();
            var index = (uint)(c + 1);
            columns.Append(new Column { Min = index, Max = index, Width = Math.Clamp(longest + 2, 8, 60), CustomWidth = true });
        }

        return columns;
    }

    static int Width(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Date => 10,
        _ => cell.Invariant.Length,
    };

    static Cell? Cell(string reference, ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Text => TextCell(reference, cell.Text!, Plain),
        ExportCellKind.Number => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            CellValue = new CellValue(cell.Number!.Value.ToString(CultureInfo.InvariantCulture)),
        },
        ExportCellKind.Date => new Cell
        {
            CellReference = reference,
            StyleIndex = DateFormat,
            CellValue = new CellValue((cell.Date!.Value.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture)),
        },
        _ => null,
    };

    static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style == Plain ? null : style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>"A1" notation: the column's letters (A…Z, AA…) and the row's number.</summary>
    internal static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = IsoDate, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = IsoDate, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true })
        { Count = 3 });
}
