using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Import;

/// <summary>
/// Issue 13, Deliver 7: re-importing a newer release of a source records its changed values as corrections and prints a
/// revision report (added, changed, unchanged, the largest revisions), in the table and in --json. Two releases of a
/// small CSV.
/// </summary>
public sealed class ImportReleaseTests : IDisposable
{
    readonly TestLedger ledger = new();

    public void Dispose() => ledger.Dispose();

    string[] Import(string file, string release, params string[] extra) =>
    [
        "import", "csv", file, "--indicator", "deaths", "--map", "period=Month,value=Deaths", "--dataset", "hand-written releases",
        "--release", release, "--as", "us", "--key", ledger.KeyOf("us"), .. extra,
    ];

    const string First = "Month,Deaths\n2026-01,1000\n2026-02,1100\n2026-03,1200\n2026-04,900\n";

    // February revised up by 1%, March by 25%, April from 900 to 990 (10%); January unchanged; May added.
    const string Second = "Month,Deaths\n2026-01,1000\n2026-02,1111\n2026-03,1500\n2026-04,990\n2026-05,800\n";

    [Fact]
    public async Task Import_NewerRelease_RecordsCorrectionsAndReportsTheLargestRevisionsFirst()
    {
        ledger.AddIndicator("deaths", unit: "deaths", measureType: "count");
        ledger.RunIn(Import(ledger.Write("r1.csv", First), "2026-08-14")).AssertOk();
        var before = await ledger.StateAsync();

        var run = ledger.RunIn(Import(ledger.Write("r2.csv", Second), "2026-11-14")).AssertOk();

        Assert.Contains("Release of 2026-11-14: 1 added, 3 changed (recorded as corrections), 1 unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Largest revisions:", run.Output, StringComparison.Ordinal);
        var march = run.Output.IndexOf("+300 (+25.0%)", StringComparison.Ordinal);
        var april = run.Output.IndexOf("+90 (+10.0%)", StringComparison.Ordinal);
        var february = run.Output.IndexOf("+11 (+1.0%)", StringComparison.Ordinal);
        Assert.True(march >= 0 && march < april && april < february, run.Output);

        var after = await ledger.StateAsync();
        Assert.Equal(before.Size + 4, after.Size);
        var current = after.Measurements.Values.Where(m => m.SupersededBy is null).ToDictionary(m => m.Record.Period.ToString());
        Assert.Equal(1500m, current["2026-03"].Record.Value);
        Assert.NotNull(current["2026-03"].Record.Supersedes);
        Assert.Equal(new DateOnly(2026, 11, 14), current["2026-03"].Record.Source.Release);
        Assert.Equal(new DateOnly(2026, 8, 14), current["2026-01"].Record.Source.Release);
    }

    [Fact]
    public void Import_NewerReleaseWithJson_ReportsTheRevisionsExactly()
    {
        ledger.AddIndicator("deaths", unit: "deaths", measureType: "count");
        ledger.RunIn(Import(ledger.Write("r1.csv", First), "2026-08-14")).AssertOk();

        var run = ledger.RunIn(Import(ledger.Write("r2.csv", Second), "2026-11-14", "--json")).AssertOk();

        using var json = JsonDocument.Parse(run.Output);
        var revisions = json.RootElement.GetProperty("revisions");
        Assert.Equal("2026-11-14", revisions.GetProperty("release").GetString());
        Assert.Equal(1, revisions.GetProperty("added").GetInt32());
        Assert.Equal(3, revisions.GetProperty("changed").GetInt32());
        Assert.Equal(1, revisions.GetProperty("unchanged").GetInt32());
        var largest = revisions.GetProperty("largest").EnumerateArray().ToList();
        Assert.Equal(["2026-03", "2026-04", "2026-02"], largest.Select(r => r.GetProperty("period").GetString()));
        Assert.Equal(0.25, largest[0].GetProperty("relativeChange").GetDouble(), 9);
    }

    [Fact]
    public async Task Import_ReleaseAfterToday_RefusedNamingTheFieldAndNothingLogged()
    {
        ledger.AddIndicator("deaths", unit: "deaths", measureType: "count");
        var size = (await ledger.StateAsync()).Size;

        ledger.RunIn(Import(ledger.Write("r1.csv", First), "2999-01-01")).AssertFails(1, "source.release", "nothing was imported");

        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public void Import_ReleaseNotADate_UsageError() =>
        ledger.RunIn(Import(ledger.Write("r1.csv", First), "14/11/2026")).AssertFails(2, "--release");
}
