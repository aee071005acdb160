using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using OutcomeLedger.Core.Tests.Text;

namespace OutcomeLedger.Cli.Tests.Commands.Measure;

/// <summary>
/// <c>outcomes measure history</c>: one value's revisions, first to current, as a table (TSV off a terminal), as JSON
/// (exact), and its chart as an SVG file; a bad period, dimension or indicator is one line naming the field.
/// </summary>
public sealed class HistoryCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    readonly List<ulong> _entries = [];

    public HistoryCommandTests()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count", reporter: "mx", "--dimension", "kind=extradition,expulsion");

        // January's extraditions: a provisional 1862, revised to 1900, then the final 1800; the expulsions never revised.
        Add("--period", "2026-01", "--value", "1862", "--dim", "kind=extradition", "--provisional");
        Add("--period", "2026-01", "--value", "1900", "--dim", "kind=extradition", "--provisional", "--supersedes", Entry(0), "--note", "late court records");
        Add("--period", "2026-01", "--value", "1800", "--dim", "kind=extradition", "--supersedes", Entry(1), "--note", "final count");
        Add("--period", "2026-01", "--value", "12", "--dim", "kind=expulsion");
    }

    public void Dispose() => ledger.Dispose();

    string Entry(int i) => _entries[i].ToString(CultureInfo.InvariantCulture);

    void Add(params string[] extra)
    {
        var run = ledger.RunIn(["measure", "add", "transfers", "--dataset", "FGR announcement", "--as", "mx", "--key", ledger.KeyOf("mx"), "--json", .. extra]).AssertOk();
        _entries.Add(JsonDocument.Parse(run.Output).RootElement.GetProperty("measurement").GetUInt64());
    }

    CliRun History(params string[] extra) => ledger.RunIn(["measure", "history", "--indicator", "transfers", .. extra]);

    [Fact]
    public void Table_ListsEachFigureFirstToCurrentRounded()
    {
        var run = History("--period", "2026-01", "--dim", "kind=extradition").AssertOk();

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Revision\tValue (defendants)\tRelease\tRecorded\tStatus\tReason given\tEntry", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1\t1,862\tnot stated\t", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\tsuperseded figure, provisional\t—\t" + Entry(0), lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2\t1,900\t", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("\tsuperseded figure, provisional\tlate court records\t" + Entry(1) + " (corrects " + Entry(0) + ")", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3\t1,800\t", lines[3], StringComparison.Ordinal);
        Assert.EndsWith("\tcurrent figure\tfinal count\t" + Entry(2) + " (corrects " + Entry(1) + ")", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsExactAndInOrder()
    {
        var run = History("--period", "2026-01", "--dim", "kind=extradition", "--json").AssertOk();

        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("transfers", root.GetProperty("indicator").GetString());
        Assert.Equal("2026-01", root.GetProperty("period").GetString());
        Assert.Equal("extradition", root.GetProperty("dimensions").GetProperty("kind").GetString());
        var revisions = root.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], revisions.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(_entries.Take(3), revisions.Select(r => r.GetProperty("entry").GetUInt64()));
        Assert.Equal(["1862", "1900", "1800"], revisions.Select(r => r.GetProperty("figure").ToString()));
        Assert.Equal([true, true, false], revisions.Select(r => r.GetProperty("provisional").GetBoolean()));
        Assert.Equal([false, false, true], revisions.Select(r => r.GetProperty("current").GetBoolean()));
        Assert.Equal("final count", revisions[2].GetProperty("reason").GetString());
        Assert.False(revisions[0].TryGetProperty("supersedes", out _));
    }

    [Fact]
    public void Chart_WritesTheSvgWithOnePointPerRevision()
    {
        var path = Path.Combine(ledger.Folder, "extraditions.svg");

        var run = History("--period", "2026-01", "--dim", "kind=extradition", "--chart", path, "--format", "table").AssertOk();

        Assert.Contains("Revisions of transfers, Jan 2026 (kind: extradition)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Chart written to " + path + ".", run.Output, StringComparison.Ordinal);
        var svg = XDocument.Load(path).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(3, svg.Descendants(ns + "g").Count(g => (g.Attribute("class")?.Value ?? "").StartsWith("v revision", StringComparison.Ordinal)));
        Assert.Equal(2, svg.Descendants(ns + "text").Count(t => t.Value == "provisional"));
    }

    [Fact]
    public void Spanish_TableHasNoEnglish()
    {
        var run = History("--period", "2026-01", "--dim", "kind=extradition", "--lang", "es", "--format", "table").AssertOk();

        Assert.Contains("Revisiones de transfers, ene 2026", run.Output, StringComparison.Ordinal);
        var found = EnglishLeaks.InText(run.Output, ["transfers", "extradition", "kind", "defendants", "late court records", "final count", "mx"], dataByWord: true);
        Assert.True(found.Count == 0, string.Join("; ", found));
    }

    [Fact]
    public void Unrevised_ValueHasOneFigure()
    {
        var run = History("--period", "2026-01", "--dim", "kind=expulsion").AssertOk();

        Assert.Equal(2, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(new[] { "--period", "2026-13" }, 2, "--period: '2026-13' is not a period")]
    [InlineData(new[] { "--period", "2026-Q1" }, 2, "error: period: indicator 'transfers' is measured by month, not by quarter ('2026-Q1')")]
    [InlineData(new[] { "--period", "2026-01", "--dim", "port=nogales" }, 2, "error: dimensions.port: indicator 'transfers' has no dimension 'port' (it has kind)")]
    [InlineData(new[] { "--period", "2026-01", "--dim", "kind=deportation" }, 2, "error: dimensions.kind: 'deportation' is not a value of dimension 'kind' (it takes extradition, expulsion)")]
    [InlineData(new[] { "--period", "2026-01", "--dim", "kind" }, 2, "--dim: 'kind' is not name=value")]
    [InlineData(new[] { "--period", "2025-12", "--dim", "kind=extradition" }, 1, "error: period: no value of 'transfers' for 2025-12 (kind=extradition) is logged")]
    public void BadInput_OneLineNamingTheField(string[] args, int exit, string expected)
    {
        var run = History(args).AssertFails(exit, expected);

        // One error line (a usage error from the parser adds the hint to run --help).
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownIndicator_OneLineNamingIt()
    {
        ledger.RunIn("measure", "history", "--indicator", "nope", "--period", "2026-01").AssertFails(1, "error: indicator 'nope' does not exist");
    }
}
