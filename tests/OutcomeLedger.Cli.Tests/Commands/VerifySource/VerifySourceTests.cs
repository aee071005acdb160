using System.Security.Cryptography;
using System.Text;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.VerifySource;

/// <summary>
/// <c>outcomes verify-source</c>: someone other than the reporter re-derives an indicator's logged values from the
/// published file with the importer's rules, signs what matches and disputes what differs, all or nothing (issue 13,
/// Deliver 3).
/// </summary>
public sealed class VerifySourceTests : IDisposable
{
    const string Published = "Month,Total\n2025-01,100\n2025-02,110.5\n2025-03,90\n";

    readonly TestLedger ledger = new();

    public VerifySourceTests()
    {
        ledger.AddIndicator("seizures");
        ledger.RunIn("import", "csv", ledger.Write("published.csv", Published), "--indicator", "seizures", "--map", "period=Month,value=Total",
            "--dataset", "CBP", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
    }

    public void Dispose() => ledger.Dispose();

    CliRun Check(string party, string content, params string[] extra) =>
        ledger.RunIn(["verify-source", "csv", ledger.Write("check.csv", content), "--indicator", "seizures", "--map", "period=Month,value=Total",
            "--url", "https://example.org/published.csv", "--as", party, "--key", ledger.KeyOf(party), .. extra]);

    static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public async Task VerifySource_FileMatches_EveryValueVerifiedNamingTheFileAndItsHash()
    {
        var run = Check("gao", Published).AssertOk();

        Assert.Contains("gao checked 3 values of 'seizures' (2025-01–2025-03)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Match the file, verified: 3 values.", run.Output, StringComparison.Ordinal);
        var values = (await ledger.StateAsync()).Measurements.Values.ToList();
        Assert.Equal(3, values.Count);
        foreach (var value in values)
        {
            var verdict = Assert.Single(value.Attestations).Record;
            Assert.Equal(Verdict.Verified, verdict.Verdict);
            Assert.Equal(new PartyId("gao"), verdict.Author);
            Assert.StartsWith($"verified: re-derived from check.csv sha256:{Sha256(Published)} line ", verdict.Reason, StringComparison.Ordinal);
            Assert.Contains("(https://example.org/published.csv)", verdict.Reason, StringComparison.Ordinal);
            Assert.Equal([Sha256(Published)], verdict.Evidence);
        }
    }

    [Fact]
    public async Task VerifySource_OneValueDiffers_DisputedWithTheFilesFigureOthersVerified()
    {
        var run = Check("gao", "Month,Total\n2025-01,100\n2025-02,111\n2025-03,90\n").AssertOk();

        Assert.Contains("Match the file, verified: 2 values.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Differ from the file, disputed with the file's figure: 1 value.", run.Output, StringComparison.Ordinal);
        Assert.Contains("2025-02: logged 110.5, the file gives 111 (check.csv:3;", run.Output, StringComparison.Ordinal);
        var february = (await ledger.StateAsync()).Measurements.Values.Single(m => m.Record.Period.ToString() == "2025-02");
        var dispute = Assert.Single(february.Attestations).Record;
        Assert.Equal(Verdict.Disputed, dispute.Verdict);
        Assert.Equal(111m, dispute.Figure);
        Assert.Contains("the file gives 111, not 110.5", dispute.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifySource_Twice_SecondLogsNothing()
    {
        Check("gao", Published).AssertOk();
        var size = (await ledger.StateAsync()).Size;

        var again = Check("gao", Published).AssertOk();

        Assert.Contains("Already given this verdict by gao, left alone: 3 values.", again.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing new to attest.", again.Output, StringComparison.Ordinal);
        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public async Task VerifySource_ByTheOtherParty_Acknowledges()
    {
        Check("mx", Published).AssertOk();

        var values = (await ledger.StateAsync()).Measurements.Values;
        Assert.All(values, v => Assert.Equal(Verdict.Acknowledged, Assert.Single(v.Attestations).Record.Verdict));
    }

    [Fact]
    public async Task VerifySource_ByTheReporter_OneLineAndNothingLogged()
    {
        var size = (await ledger.StateAsync()).Size;

        Check("us", Published).AssertFails(1, "as: party 'us' reports indicator 'seizures' and cannot verify its own values");

        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public async Task VerifySource_VerifierThePolicyDoesNotCount_RefusedAndNothingLogged()
    {
        ledger.RunIn("party", "add", "other", "--name", "Another auditor", "--role", "verifier", "--public-key", ledger.KeyOf("other")).AssertOk();
        ledger.RunIn("policy", "set", "us-mx-security", "--verifiers", "other").AssertOk();
        var size = (await ledger.StateAsync()).Size;

        var run = Check("gao", Published).AssertFails(1, "verifier 'gao' is not one of the verifiers whose checks the policy of 'us-mx-security' counts (other)");

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(size, (await ledger.StateAsync()).Size);
        Check("other", Published).AssertOk();
    }

    [Fact]
    public async Task VerifySource_BadRow_NamesFileAndLineAndNothingLogged()
    {
        var size = (await ledger.StateAsync()).Size;

        Check("gao", "Month,Total\n2025-01,100\n2025-02,lots\n").AssertFails(1, "check.csv:3", "nothing was attested");

        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public async Task VerifySource_DryRun_ReportsAndLogsNothing()
    {
        var size = (await ledger.StateAsync()).Size;

        var run = Check("gao", "Month,Total\n2025-01,100\n2025-02,111\n", "--dry-run").AssertOk();

        Assert.Contains("Differ from the file, disputed with the file's figure: 1 value.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was attested.", run.Output, StringComparison.Ordinal);
        Assert.Equal(size, (await ledger.StateAsync()).Size);
    }

    [Fact]
    public void VerifySource_FileHoldsAMonthNotLogged_Said()
    {
        var run = Check("gao", Published + "2025-04,70\n").AssertOk();

        Assert.Contains("In the file but not logged (2025-04): 1 value.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifySource_Json_ListsEveryCheck()
    {
        var run = ledger.RunIn("verify-source", "csv", ledger.Write("check.csv", "Month,Total\n2025-01,100\n2025-02,111\n2025-03,90\n"), "--indicator", "seizures",
            "--map", "period=Month,value=Total", "--as", "gao", "--key", ledger.KeyOf("gao"), "--json").AssertOk();

        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var outcomes = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["matches", "differs", "matches"], outcomes);
    }
}
