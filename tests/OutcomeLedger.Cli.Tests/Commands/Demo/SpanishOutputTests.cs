using System.Globalization;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Tests.Commands.Demo;

/// <summary>
/// The CLI's tables and messages for people, asked for in Spanish on the demo ledger, hold no English from the text
/// catalogue (<see cref="EnglishLeaks"/>): every list and show table, the evaluation, the scorecard, the statistics and
/// the import report (dry run, import and correction). What a table shows as logged (ids, names, sources, status
/// codes) is taken from the same command's --json output, or from the scorecard's JSON, and left out of the search word
/// by word, as tables wrap it across lines.
/// </summary>
public sealed class SpanishOutputTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    const string Indicator = "sw-border-fentanyl-seizures";

    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> Tables => new()
    {
        new[] { "party", "list" },
        new[] { "agreement", "list" },
        new[] { "commitment", "list" },
        new[] { "statement", "list" },
        new[] { "indicator", "list" },
        new[] { "indicator", "show", Indicator, "--all" },
        new[] { "measure", "list", "--indicator", Indicator, "--all" },
    };

    [Fact]
    public void Evaluate_Spanish_RatingsReasonsAndHeadingsHaveNoEnglish()
    {
        var run = Run("evaluate", "--lang", "es").AssertOk();

        Assert.Contains(TextCatalogue.Spanish.CommitmentOrIndicator, run.Output, StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InText(run.Output, EnglishLeaks.Data(Scorecard()), dataByWord: true));
    }

    [Fact]
    public void Scorecard_Spanish_SaysWhatItWroteInSpanish()
    {
        var path = _temp["tarjeta.md"];

        var run = Run("scorecard", "--format", "md", "--lang", "es", "--out", path).AssertOk();

        Assert.StartsWith("Escrito ", run.Output, StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InText(run.Output, [path]));
        Assert.Empty(EnglishLeaks.InText(File.ReadAllText(path), EnglishLeaks.Data(Scorecard())));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_Spanish_HasNoEnglish(string[] command)
    {
        var run = Run([.. command, "--lang", "es"]).AssertOk();
        var json = Run([.. command, "--json"]).AssertOk();

        Assert.Empty(EnglishLeaks.InText(run.Output, JsonStrings(json.Output), dataByWord: true));
    }

    [Fact]
    public void Lang_BeforeTheCommand_IsTheSameGlobalOption()
    {
        var after = Run("party", "list", "--lang", "es").AssertOk();

        var before = CliRun.Invoke("--lang", "es", "party", "list", "--ledger", demo.Folder).AssertOk();

        Assert.Equal(after.Output, before.Output);
        Assert.Contains(TextCatalogue.Spanish.ActiveKeys, before.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_NeitherEnNorEs_IsAUsageError() =>
        Run("party", "list", "--lang", "fr").AssertFails(2, "fr");

    [Fact]
    public void ImportReport_Spanish_DryRunImportAndCorrectionHaveNoEnglish()
    {
        using var ledger = new TestLedger();
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        string[] Import(string file, params string[] extra) =>
        [
            "import", "csv", file, "--indicator", "transfers", "--map", "period=Month,value=Total", "--dataset", "hand-written test data",
            "--as", "us", "--key", ledger.KeyOf("us"), .. extra,
        ];
        var first = ledger.Write("v1.csv", "Month,Total\n2025-02,29\n2025-08,26\n");
        var second = ledger.Write("v2.csv", "Month,Total\n2025-02,29\n2025-08,27\n2026-01,37\n");

        var dryRun = ledger.RunIn(Import(first, "--dry-run", "--lang", "es")).AssertOk();
        var dryRunJson = ledger.RunIn(Import(first, "--dry-run", "--json")).AssertOk();
        var imported = ledger.RunIn(Import(first, "--lang", "es")).AssertOk();
        var plannedCorrection = ledger.RunIn(Import(second, "--dry-run", "--lang", "es")).AssertOk();
        var corrected = ledger.RunIn(Import(second, "--lang", "es")).AssertOk();

        string[] data = [first, second, ledger.Folder, .. JsonStrings(dryRunJson.Output)];
        Assert.Contains(TextCatalogue.Spanish.Action, dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Importado en 'transfers': nuevos: 2, sin cambios: 0, corregidos: 0", imported.Output, StringComparison.Ordinal);
        Assert.Contains("corrige la entrada", plannedCorrection.Output, StringComparison.Ordinal);
        Assert.Contains("corregido 2025-08", corrected.Output, StringComparison.Ordinal);
        Assert.All(new[] { dryRun, imported, plannedCorrection, corrected }, run => Assert.Empty(EnglishLeaks.InText(run.Output, data, dataByWord: true)));
    }

    [Fact]
    public void Stats_Spanish_EveryTableAndShortfallHasNoEnglish()
    {
        var full = Csv("serie.csv", Enumerable.Range(0, 72).Select(t => 5200 + (45.0 * t) - (t >= 54 ? 160.0 * (t - 54) : 0) + ((t * 37) % 11)));
        var brief = Csv("corta.csv", [5, 7, 6, 9, 8]);

        foreach (var args in new[]
        {
            new[] { "stats", full, "--seasonal", "--intervention", "2023-07", "--target", "4000", "--due", "2026-12", "--lang", "es" },
            ["stats", brief, "--seasonal", "--intervention", "2024-03", "--target", "4", "--due", "2026-12", "--lang", "es"],
        })
        {
            var run = CliRun.Invoke(args).AssertOk();

            Assert.Empty(EnglishLeaks.InText(run.Output, [args[1]]));
        }
    }

    CliRun Run(params string[] args) => CliRun.Invoke([.. args, "--ledger", demo.Folder]);

    Scorecard Scorecard()
    {
        var path = _temp["scorecard.json"];
        Run("scorecard", "--format", "json", "--out", path).AssertOk();
        return ScorecardJson.Deserialize(File.ReadAllBytes(path));
    }

    string Csv(string name, IEnumerable<double> values)
    {
        var text = new StringBuilder("month,value\n");
        var month = new DateOnly(2019, 1, 1);
        foreach (var value in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{month:yyyy-MM},{value}\n");
            month = month.AddMonths(1);
        }

        var path = _temp[name];
        File.WriteAllText(path, text.ToString());
        return path;
    }

    static List<string> JsonStrings(string json)
    {
        var found = new List<string>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    found.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return found;
    }
}
