namespace OutcomeLedger.Cli.Tests.Commands.Import;

/// <summary>
/// Issue 13, Deliver 5: the shipped Mexican files import with <c>import csv</c>: transfers with day dates summed by
/// month, and the Security Cabinet's cumulative figure turned into monthly flows, its fall said in the reader's
/// language.
/// </summary>
public sealed class MexicanDataImportTests : IDisposable
{
    readonly TestLedger ledger = new();

    public MexicanDataImportTests()
    {
        ledger.AddIndicator("transfers", "persons", "count", "mx");
        ledger.AddIndicator("fentanyl-seized", "kg", "amount", "mx");
    }

    public void Dispose() => ledger.Dispose();

    [Fact]
    public async Task ImportCsv_TransfersWithDayDates_OneValuePerMonth()
    {
        var run = ledger.RunIn("import", "csv", TestLedger.Data("mexico/mx_to_us_transfers.csv"), "--indicator", "transfers", "--map", "period=date,value=persons_transferred",
            "--period-from-date", "--aggregate", "sum", "--dataset", "Transfers announced by both governments", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        Assert.Contains("3 new", run.Output, StringComparison.Ordinal);
        var values = (await ledger.StateAsync()).Measurements.Values.OrderBy(m => m.Record.Period).ToList();
        Assert.Equal([("2025-02", 29m), ("2025-08", 26m), ("2026-01", 37m)], values.Select(m => (m.Record.Period.ToString(), m.Record.Value)));
        Assert.Equal("one row: 2025-02-27 line 2: 29", values[0].Record.Note);
    }

    [Fact]
    public async Task ImportCsv_CumulativeCabinetFigures_FlowsAndTheFallSaidInSpanish()
    {
        var run = ledger.RunIn("import", "csv", TestLedger.Data("mexico/mx_gabinete_seguridad_cumulative_transcribed.csv"), "--indicator", "fentanyl-seized",
            "--map", "period=period_end,value=value", "--where", "metric=fentanyl_seized_weight", "--where", "unit=kg", "--period-from-date", "--aggregate", "last",
            "--cumulative", "--dataset", "Gabinete de Seguridad", "--as", "mx", "--key", ledger.KeyOf("mx"), "--lang", "es").AssertOk();

        Assert.Contains("la cifra acumulada bajó de 1862 (2025-12-31) a 1800 (2026-01-31)", run.Output, StringComparison.Ordinal);
        var flow = Assert.Single((await ledger.StateAsync()).Measurements.Values);
        Assert.Equal(("2025-03", 87m), (flow.Record.Period.ToString(), flow.Record.Value));
        Assert.StartsWith("monthly flow from a running total: 1347 (2025-03-23", flow.Record.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportCsv_CumulativeSummed_RefusedInOneLine()
    {
        ledger.RunIn("import", "csv", TestLedger.Data("mexico/mx_to_us_transfers.csv"), "--indicator", "transfers", "--map", "period=date,value=persons_transferred",
            "--period-from-date", "--aggregate", "sum", "--cumulative", "--dataset", "x", "--as", "mx", "--key", ledger.KeyOf("mx"))
            .AssertFails(2, "--cumulative: running totals are combined by the month's last figure");
    }
}
