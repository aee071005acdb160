using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Import;

/// <summary>
/// Issue 13, Deliver 8: an import says what the data-quality rules noticed (gaps, outliers, a running total that fell,
/// the same period twice), with file and line, as prompts to check, in the table output and in --json; the same period
/// with two figures is refused naming both.
/// </summary>
public sealed class DataNotesImportTests : IDisposable
{
    readonly TestLedger ledger = new();

    public DataNotesImportTests() => ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");

    public void Dispose() => ledger.Dispose();

    string[] ImportCsv(string[] files, params string[] extra) =>
    [
        "import", "csv", .. files, "--indicator", "transfers", "--map", "period=Month,value=Total", "--dataset", "hand-written test data",
        "--as", "us", "--key", ledger.KeyOf("us"), .. extra,
    ];

    [Fact]
    public void Import_SeriesWithAGapAndAnOutlier_ListsBothWithFileAndLine()
    {
        var file = ledger.Write("gappy.csv", "Month,Total\n2025-01,10\n2025-02,11\n2025-03,12\n2025-04,11\n2025-07,90\n");

        var run = ledger.RunIn(ImportCsv([file])).AssertOk();

        Assert.Contains("5 new", run.Output, StringComparison.Ordinal);
        Assert.Contains("Data notes (2): Prompts to check the source, not verdicts", run.Output, StringComparison.Ordinal);
        Assert.Contains("gappy.csv:6 no value for 2025-05 – 2025-06, between values that are logged: a gap is not a zero", run.Output, StringComparison.Ordinal);
        Assert.Contains("gappy.csv:6 2025-07: 90 is far from the series' 4 other values", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Json_CarriesTheNotesExactly()
    {
        var file = ledger.Write("gappy.csv", "Month,Total\n2025-01,10\n2025-02,11\n2025-03,12\n2025-04,11\n2025-07,90\n");

        var run = ledger.RunIn(ImportCsv([file], "--json")).AssertOk();

        using var json = JsonDocument.Parse(run.Output);
        var notes = json.RootElement.GetProperty("dataNotes").EnumerateArray().ToList();
        Assert.Equal(["gap", "outlier"], notes.Select(n => n.GetProperty("code").GetString()));
        Assert.Equal(("2025-05", "2025-06", 6), (notes[0].GetProperty("period").GetString(), notes[0].GetProperty("through").GetString(), notes[0].GetProperty("line").GetInt32()));
        Assert.Equal("whole-series", notes[1].GetProperty("reference").GetString());
        Assert.Equal(0.6745 * (90 - 11) / 0.5, notes[1].GetProperty("score").GetDouble(), 9);
    }

    [Fact]
    public void Import_SamePeriodTwiceAcrossFilesWithTheSameFigure_IsANoteAndLoggedOnce()
    {
        var first = ledger.Write("a.csv", "Month,Total\n2025-01,10\n2025-02,11\n");
        var second = ledger.Write("b.csv", "Month,Total\n2025-02,11\n");

        var run = ledger.RunIn(ImportCsv([first, second])).AssertOk();

        Assert.Contains("2 new", run.Output, StringComparison.Ordinal);
        Assert.Contains("b.csv:2 2025-02: given twice with the same figure 11 (first at ", run.Output, StringComparison.Ordinal);
        Assert.Contains("a.csv:3); recorded once", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SamePeriodTwiceWithTwoFigures_RefusedNamingBothFigures()
    {
        var first = ledger.Write("a.csv", "Month,Total\n2025-01,10\n2025-02,11\n");
        var second = ledger.Write("b.csv", "Month,Total\n2025-02,12\n");
        var size = (await ledger.StateAsync()).Size;

        ledger.RunIn(ImportCsv([first, second])).AssertFails(1, "b.csv:2:", "a second value for 2025-02 once dimensions are mapped: 12 here, 11 at ", "a.csv:3", "nothing was imported");

        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public void Import_Spanish_NotesCarryNoEnglish()
    {
        var file = ledger.Write("gappy.csv", "Month,Total\n2025-01,10\n2025-02,11\n2025-03,12\n2025-04,11\n2025-07,90\n");

        var run = ledger.RunIn(ImportCsv([file], "--lang", "es")).AssertOk();

        var notes = string.Join('\n', run.Output.Split('\n').SkipWhile(l => !l.StartsWith("Notas sobre los datos", StringComparison.Ordinal)));
        Assert.Contains("sin valor para 2025-05 – 2025-06", notes, StringComparison.Ordinal);
        Assert.Contains("se aleja mucho de los otros 4 valores de la serie", notes, StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InText(notes, [file, "gappy.csv"]));
    }
}
