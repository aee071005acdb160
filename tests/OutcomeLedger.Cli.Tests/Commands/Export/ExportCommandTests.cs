using System.Globalization;
using System.Text;
using ExcelDataReader;
using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Tests.Commands.Export;

/// <summary>
/// <c>outcomes export</c> on the demo ledger, read back with other readers than the writer: the xlsx with
/// ExcelDataReader (the writer is the Open XML SDK), the CSV files with an RFC 4180 parser of the test's own. Sheet
/// names, headers in the reader's language, a row's values and their types (numbers numeric, dates dates). Bad
/// requests fail in one line and leave no file.
/// </summary>
public sealed class ExportCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Export_Xlsx_ReadBackSheetsHeadersValuesAndTypes(string lang)
    {
        var file = _temp[$"export-{lang}.xlsx"];
        Run("export", "--format", "xlsx", "--out", file, "--lang", lang).AssertOk();
        var scorecard = Scorecard();
        var t = TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English);

        var sheets = ReadXlsx(file);

        var indicators = scorecard.Commitments.SelectMany(c => c.Indicators).DistinctBy(i => i.Id).ToList();
        Assert.Equal([t.Summary, .. indicators.Select(i => i.Id)], sheets.Select(s => s.Name));

        var summary = sheets[0].Rows;
        var headers = summary[0].Cast<string>().ToList();
        Assert.Equal([t.Export.CommitmentId, t.Commitment, t.MadeOn, t.Due, t.Rating, t.DataSays, t.ConfirmedAxis, t.Export.ConfirmedShare, t.Export.OpenDisputes, t.StillNeeds, t.AsOf, t.Export.CheckpointSize, t.RootHash], headers);
        Assert.Equal(scorecard.Commitments.Count + 1, summary.Count);
        var commitment = scorecard.Commitments[0];
        var first = summary[1];
        Assert.Equal(commitment.Id, first[0]);
        Assert.Equal(commitment.MadeOn.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(first[2]));
        Assert.Equal(t.RatingName(commitment.Rating), first[4]);
        Assert.Equal((double)scorecard.Checkpoint.Size, Assert.IsType<double>(first[11]));
        Assert.Equal(scorecard.Checkpoint.RootHash, first[12]);

        var indicator = indicators[0];
        var rows = sheets[1].Rows;
        Assert.Equal([t.Period, t.Export.PeriodStart, t.Export.ValueReported, t.Export.ValueStanding, t.Status, t.Export.Attestations, t.EntryIndex, t.Export.LeafHash], rows[0].Cast<string>());
        var point = indicator.Series[0].Points[0];
        var row = rows[1];
        Assert.Equal(point.Period, row[0]);
        Assert.Equal(DateTime.ParseExact(point.Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.IsType<DateTime>(row[1]));
        Assert.Equal((double)point.Reported, Assert.IsType<double>(row[2]));
        Assert.Equal((double)point.Stands, Assert.IsType<double>(row[3]));
        Assert.Equal(t.StatusName(point.Status), row[4]);
        Assert.Equal((double)point.Entry.Index, Assert.IsType<double>(row[6]));
        Assert.Equal(point.Entry.LeafHash, row[7]);
        Assert.Equal(indicator.Series.Sum(s => s.Points.Count + s.Points.Sum(p => p.Corrects.Count)) + 1, rows.Count);
    }

    [Fact]
    public void Export_CsvFolder_ParsedBackOneFilePerSheetSpanishHeaders()
    {
        var folder = _temp["csv"];
        // A trailing separator names the same folder.
        var run = Run("export", "--format", "csv", "--out", folder + Path.DirectorySeparatorChar, "--lang", "es", "--json").AssertOk();
        var scorecard = Scorecard();
        var t = TextCatalogue.Spanish;
        var indicators = scorecard.Commitments.SelectMany(c => c.Indicators).DistinctBy(i => i.Id).ToList();

        Assert.Equal(
            [.. new[] { t.Summary }.Concat(indicators.Select(i => i.Id)).Select(n => n + ".csv").Order(StringComparer.Ordinal)],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal(scorecard.Checkpoint.RootHash, json.RootElement.GetProperty("rootHash").GetString());

        var summary = ParseCsv(File.ReadAllText(Path.Combine(folder, "Resumen.csv")));
        Assert.Equal(t.Export.CommitmentId, summary[0][0]);
        Assert.Equal(t.StillNeeds, summary[0][9]);
        Assert.Equal(scorecard.Commitments.Count + 1, summary.Count);
        Assert.All(summary, r => Assert.Equal(summary[0].Count, r.Count));
        // The commitment's text has commas in the demo: quoted, and read back whole.
        Assert.Equal(scorecard.Commitments.Select(c => c.Text), summary.Skip(1).Select(r => r[1]));
        Assert.Equal(scorecard.Commitments[0].MadeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), summary[1][2]);

        var indicator = indicators[0];
        var rows = ParseCsv(File.ReadAllText(Path.Combine(folder, indicator.Id + ".csv")));
        Assert.Equal([t.Period, t.Export.PeriodStart, t.Export.ValueReported, t.Export.ValueStanding, t.Status, t.Export.Attestations, t.EntryIndex, t.Export.LeafHash], rows[0]);
        var point = indicator.Series[0].Points[0];
        Assert.Equal(point.Reported, decimal.Parse(rows[1][2], NumberStyles.Number, CultureInfo.InvariantCulture));
        Assert.Equal(point.Entry.Index.ToString(CultureInfo.InvariantCulture), rows[1][6]);
        Assert.Equal(point.Entry.LeafHash, rows[1][7]);
    }

    [Fact]
    public void Export_CsvIntoAnExistingFolder_ReplacesItsFilesOnly()
    {
        var folder = _temp["existing"];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "kept");

        Run("export", "--format", "csv", "--out", folder).AssertOk();

        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.Contains(Path.Combine(folder, "Summary.csv"), Directory.GetFiles(folder));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public void Export_OutInAFolderThatCannotBeWritten_OneLineEnvironmentErrorNoFile(string format)
    {
        // A "folder" that is a file cannot hold the export, whoever runs the test (root writes anywhere else).
        var file = _temp["not-a-folder"];
        File.WriteAllText(file, "x");

        var run = Run("export", "--format", format, "--out", Path.Combine(file, "export")).AssertFails(3, "--out");

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal([file], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Export_AtBeyondTheLog_OneLineUsageErrorExistingFileKept()
    {
        var file = _temp["kept.xlsx"];
        File.WriteAllText(file, "the earlier export");

        var run = Run("export", "--out", file, "--at", "999999").AssertFails(2, "--at");

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal("the earlier export", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(_temp.Path));
    }

    CliRun Run(params string[] args) => CliRun.Invoke([.. args, "--ledger", demo.Folder]);

    Scorecard Scorecard() => ScorecardJson.Deserialize(File.ReadAllBytes(Path.Combine(demo.Folder, "scorecard.json")));

    // Every sheet's name and rows, each cell as ExcelDataReader types it (string, double, DateTime, or null).
    internal static List<(string Name, List<object?[]> Rows)> ReadXlsx(string file)
    {
        using var stream = File.OpenRead(file);
        // Its configuration looks up Windows-1252 (for legacy files) even for an xlsx: .NET has it from the code-page provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());

        return sheets;
    }

    // RFC 4180 §2: records end in CRLF; a quoted field may hold commas, CRLF and doubled quotes.
    static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n' or '"', $"unquoted {(int)c} at {i}");
                field.Append(c);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "the last record does not end in CRLF");
        return records;
    }
}
