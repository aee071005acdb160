using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Indicator;

public sealed class IndicatorCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    public void Dispose() => ledger.Dispose();

    [Fact]
    public async Task Add_AllOptions_LogsEveryField()
    {
        ledger.RunIn("indicator", "add", "sw-border-fentanyl", "--commitment", "reduce-fentanyl-flow", "--name", "Fentanyl seized at the southwest land border",
            "--unit", "lb", "--measure-type", "amount", "--direction", "down", "--period-type", "month", "--aggregation", "sum", "--reporter", "us",
            "--dimension", "component=ofo,usbp", "--baseline-from", "2024-01", "--baseline-to", "2024-12", "--baseline-value", "2000",
            "--target-relative", "-0.25", "--target-by", "2026-12-31", "--target-basis", "illustrative", "--target-note", "an assumption",
            "--data-source", "CBP nationwide drug seizures", "--verification-protocol", "Mexico acknowledges monthly", "--caveat", "seizures are an ambiguous proxy",
            "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        var indicator = (await ledger.StateAsync()).Indicators[new IndicatorId("sw-border-fentanyl")].Record;
        Assert.Equal(MeasureType.Amount, indicator.MeasureType);
        Assert.Equal(Direction.Down, indicator.Direction);
        Assert.Equal(Aggregation.Sum, indicator.Aggregation);
        Assert.Equal(["ofo", "usbp"], indicator.Dimensions["component"]);
        Assert.Equal(new Baseline(Period.Month(2024, 1), Period.Month(2024, 12), 2000m), indicator.Baseline);
        var target = Assert.Single(indicator.Targets);
        Assert.Equal(new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, null, -0.25m, "an assumption"), target);
        Assert.Equal("seizures are an ambiguous proxy", indicator.Caveat);
    }

    [Fact]
    public async Task Add_File_LogsTheRecordBody()
    {
        var file = ledger.Write("indicator.json", """
            {
              "id": "us-synthetic-opioid-deaths",
              "commitment": "reduce-fentanyl-flow",
              "name": "U.S. deaths involving synthetic opioids",
              "unit": "deaths",
              "measureType": "count",
              "direction": "down",
              "periodType": "month",
              "aggregation": "twelve-month-ending",
              "reporter": "us",
              "baseline": { "from": "2023-01", "to": "2023-12" },
              "targets": [
                { "by": "2026-06-30", "basis": "illustrative", "relativeChange": "-0.1" },
                { "by": "2026-12-31", "basis": "agreed", "relativeChange": "-0.25" }
              ],
              "dataSource": "CDC VSRR"
            }
            """);

        ledger.RunIn("indicator", "add", "--file", file, "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        var indicator = (await ledger.StateAsync()).Indicators[new IndicatorId("us-synthetic-opioid-deaths")].Record;
        Assert.Equal(Aggregation.TwelveMonthEnding, indicator.Aggregation);
        Assert.Equal(2, indicator.Targets.Count);
        Assert.Equal(new PartyId("us"), indicator.Author);
    }

    [Fact]
    public void Add_FileWithUnknownField_RefusedNamingTheFile()
    {
        var file = ledger.Write("indicator.json", """{ "id": "x", "colour": "red" }""");

        ledger.RunIn("indicator", "add", "--file", file, "--as", "us", "--key", ledger.KeyOf("us")).AssertFails(1, "indicator.json: not an indicator record");
    }

    [Fact]
    public void Add_TargetAgainstDirection_RefusedNamingTheField()
    {
        ledger.RunIn("indicator", "add", "x", "--commitment", "reduce-fentanyl-flow", "--name", "x", "--unit", "lb", "--measure-type", "amount",
            "--direction", "down", "--period-type", "month", "--aggregation", "sum", "--reporter", "us", "--data-source", "d",
            "--baseline-from", "2024-01", "--baseline-to", "2024-12", "--target-relative", "0.25", "--target-by", "2026-12-31", "--target-basis", "agreed",
            "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "indicator refused: targets[0].relativeChange:");
    }

    [Fact]
    public void Add_TargetWithoutBasis_IsUsageError()
    {
        ledger.RunIn("indicator", "add", "x", "--commitment", "reduce-fentanyl-flow", "--name", "x", "--unit", "lb", "--measure-type", "amount",
            "--direction", "down", "--period-type", "month", "--aggregation", "sum", "--reporter", "us", "--data-source", "d",
            "--target-value", "10", "--target-by", "2026-12-31", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(2, "a target needs --target-by and --target-basis");
    }

    [Fact]
    public void Add_UnknownCommitment_RefusedNamingCommitment()
    {
        ledger.RunIn("indicator", "add", "x", "--commitment", "nope", "--name", "x", "--unit", "lb", "--measure-type", "amount",
            "--direction", "down", "--period-type", "month", "--aggregation", "sum", "--reporter", "us", "--data-source", "d",
            "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "commitment: commitment 'nope' does not exist");
    }

    [Fact]
    public void Show_WithMeasurementsAndAttestation_ListsValuesWithTheirStates()
    {
        ledger.AddIndicator("sw-border-fentanyl");
        var measured = ledger.RunIn("measure", "add", "sw-border-fentanyl", "--period", "2025-10", "--value", "1017.5", "--dataset", "CBP", "--json",
            "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        ledger.RunIn("measure", "add", "sw-border-fentanyl", "--period", "2025-11", "--value", "1512", "--dataset", "CBP",
            "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        using var added = JsonDocument.Parse(measured.Output);
        var index = added.RootElement.GetProperty("measurement").GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        ledger.RunIn("attest", index, "--verdict", "acknowledged", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        var table = ledger.RunIn("indicator", "show", "sw-border-fentanyl").AssertOk();
        var json = ledger.RunIn("indicator", "show", "sw-border-fentanyl", "--json").AssertOk();

        Assert.Contains("1017.5", table.Output, StringComparison.Ordinal);
        Assert.Contains("acknowledged (mx)", table.Output, StringComparison.Ordinal);
        Assert.Contains("self-reported", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var statuses = document.RootElement.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("status").GetString()).ToList();
        Assert.Equal(["acknowledged", "self-reported"], statuses);
    }

    [Fact]
    public void Show_UnknownIndicator_FailsNamingIt()
    {
        ledger.RunIn("indicator", "show", "nope").AssertFails(1, "indicator 'nope' does not exist");
    }

    [Fact]
    public void List_ShowsIndicators()
    {
        ledger.AddIndicator("sw-border-fentanyl");

        var run = ledger.RunIn("indicator", "list").AssertOk();

        Assert.Contains("sw-border-fentanyl", run.Output, StringComparison.Ordinal);
    }
}
