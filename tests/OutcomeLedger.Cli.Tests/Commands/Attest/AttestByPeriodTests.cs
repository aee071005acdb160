using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Attest;

/// <summary><c>outcomes attest --indicator X --from --to [--dim]</c>: one verdict on a range of values, all or nothing (issue 13, Deliver 2).</summary>
public sealed class AttestByPeriodTests : IDisposable
{
    readonly TestLedger ledger = new();

    public AttestByPeriodTests()
    {
        ledger.AddIndicator("seizures", "lb", "amount", "us", "--dimension", "component=ofo,usbp");
        foreach (var month in new[] { "2025-01", "2025-02", "2025-03", "2025-04" })
        {
            foreach (var (component, value) in new[] { ("ofo", "100"), ("usbp", "40") })
            {
                ledger.RunIn("measure", "add", "seizures", "--period", month, "--value", value, "--dim", "component=" + component, "--dataset", "CBP",
                    "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
            }
        }
    }

    public void Dispose() => ledger.Dispose();

    CliRun Attest(string party, params string[] extra) => ledger.RunIn(["attest", "--indicator", "seizures", "--as", party, "--key", ledger.KeyOf(party), .. extra]);

    [Fact]
    public async Task Attest_RangeWithDimension_AcknowledgesExactlyThoseValues()
    {
        var run = Attest("mx", "--from", "2025-01", "--to", "2025-03", "--dim", "component=ofo", "--verdict", "acknowledged").AssertOk();

        Assert.Contains("on 3 values of 'seizures' from 2025-01 to 2025-03", run.Output, StringComparison.Ordinal);
        var acknowledged = (await ledger.StateAsync()).Measurements.Values.Where(m => m.Attestations.Any(a => a.Record.Author == new PartyId("mx") && a.Record.Verdict == Verdict.Acknowledged)).ToList();
        Assert.Equal(["2025-01", "2025-02", "2025-03"], acknowledged.Select(m => m.Record.Period.ToString()).Order(StringComparer.Ordinal));
        Assert.All(acknowledged, m => Assert.Equal("ofo", m.Record.Dimensions["component"]));
    }

    [Fact]
    public async Task Attest_SameRangeTwice_SecondLogsNothing()
    {
        Attest("mx", "--from", "2025-01", "--to", "2025-04", "--verdict", "acknowledged").AssertOk();
        var size = (await ledger.StateAsync()).Size;

        var again = Attest("mx", "--from", "2025-01", "--to", "2025-04", "--verdict", "acknowledged").AssertOk();

        Assert.Contains("already has this verdict from mx: nothing was logged", again.Output, StringComparison.Ordinal);
        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public async Task Attest_ReporterOwnValues_OneLineAndNothingLogged()
    {
        var size = (await ledger.StateAsync()).Size;

        Attest("us", "--from", "2025-01", "--to", "2025-02", "--verdict", "acknowledged")
            .AssertFails(1, "as: party 'us' reported the values from 2025-01 to 2025-02", "cannot attest to its own values");

        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public async Task Attest_RangeWithNoValues_OneLineAndNothingLogged()
    {
        var size = (await ledger.StateAsync()).Size;

        var run = Attest("mx", "--from", "2024-01", "--to", "2024-06", "--verdict", "acknowledged")
            .AssertFails(1, "from: indicator 'seizures' has no current values from 2024-01 to 2024-06; nothing was attested");

        Assert.Single(run.Error.Trim().Split('\n'));
        Attest("mx", "--from", "2025-01", "--to", "2025-02", "--dim", "component=air", "--verdict", "acknowledged").AssertFails(1, "with component=air");
        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public async Task Attest_OneValueRefused_NothingLogged()
    {
        // 2025-02 ofo was disputed and resolved by both sides: a resolved value is not disputed again.
        var state = await ledger.StateAsync();
        var february = state.Measurements.Values.Single(m => m.Record.Period.ToString() == "2025-02" && m.Record.Dimensions["component"] == "ofo").Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ledger.RunIn("attest", february, "--verdict", "disputed", "--figure", "90", "--reason", "our count", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();
        ledger.RunIn("attest", february, "--verdict", "resolved", "--figure", "95", "--reason", "joint count", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();
        ledger.RunIn("attest", february, "--verdict", "resolved", "--figure", "95", "--reason", "joint count", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        var size = (await ledger.StateAsync()).Size;

        Attest("mx", "--from", "2025-01", "--to", "2025-03", "--dim", "component=ofo", "--verdict", "disputed", "--figure", "80", "--reason", "our count")
            .AssertFails(1, $"attestation of entry {february} (2025-02 component=ofo) refused: verdict:", "nothing was attested");

        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public void Attest_ByPeriodJson_ListsEachAttestationWithItsValue()
    {
        var run = Attest("gao", "--from", "2025-04", "--to", "2025-04", "--verdict", "verified", "--json").AssertOk();

        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var attested = json.RootElement.GetProperty("attested");
        Assert.Equal(2, attested.GetArrayLength());
        Assert.Equal("verified", json.RootElement.GetProperty("verdict").GetString());
        Assert.All(attested.EnumerateArray(), a => Assert.Equal("2025-04", a.GetProperty("period").GetString()));
    }

    [Theory]
    [InlineData(new[] { "7", "--indicator", "seizures", "--from", "2025-01", "--to", "2025-02" }, "not both")]
    [InlineData(new[] { "--indicator", "seizures", "--from", "2025-01" }, "needs --indicator, --from and --to")]
    [InlineData(new[] { "--indicator", "seizures", "--from", "2025-Q1", "--to", "2025-Q2" }, "from: '2025-Q1' is not a month")]
    [InlineData(new[] { "--indicator", "seizures", "--from", "2025-03", "--to", "2025-01" }, "to: the range ends (2025-01) before it starts (2025-03)")]
    [InlineData(new[] { "--indicator", "seizures", "--from", "2025-01", "--to", "2025-02", "--dim", "drug=x" }, "dim: indicator 'seizures' has no dimension 'drug'")]
    public void Attest_BadRange_UsageError(string[] args, string message)
    {
        ledger.RunIn(["attest", .. args, "--verdict", "acknowledged", "--as", "mx", "--key", ledger.KeyOf("mx")]).AssertFails(2, message);
    }

    [Fact]
    public void Attest_WithdrawnByPeriod_UsageErrorNamingVerdict()
    {
        Attest("mx", "--from", "2025-01", "--to", "2025-02", "--verdict", "withdrawn").AssertFails(2, "verdict: by period, the verdict is");
    }
}
