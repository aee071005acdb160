using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Commitment;

public sealed class CommitmentCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    public void Dispose() => ledger.Dispose();

    [Fact]
    public async Task Add_WithStatementsAndDates_LogsCommitment()
    {
        ledger.RunIn("commitment", "add", "extradite-defendants", "--agreement", "us-mx-security", "--text", "Transfer defendants to U.S. custody",
            "--statement", "joint-statement-2025-09-04", "--responsible", "mx", "--made-on", "2025-09-04", "--due", "2026-12-31",
            "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        var commitment = (await ledger.StateAsync()).Commitments[new CommitmentId("extradite-defendants")].Record;
        Assert.Equal(new PartyId("mx"), commitment.Author);
        Assert.Equal(new DateOnly(2026, 12, 31), commitment.DueDate);
        Assert.Equal([new StatementId("joint-statement-2025-09-04")], commitment.Statements);
    }

    [Fact]
    public void List_ShowsCommitmentWithItsIndicators()
    {
        ledger.AddIndicator("sw-border-fentanyl");

        var table = ledger.RunIn("commitment", "list").AssertOk();
        var json = ledger.RunIn("commitment", "list", "--json").AssertOk();

        Assert.Contains("reduce-fentanyl-flow", table.Output, StringComparison.Ordinal);
        Assert.Contains("sw-border-fentanyl", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("sw-border-fentanyl", document.RootElement[0].GetProperty("indicators")[0].GetString());
    }

    [Fact]
    public void Add_MadeBeforeItsStatement_RefusedNamingMadeOn()
    {
        ledger.RunIn("commitment", "add", "c2", "--agreement", "us-mx-security", "--text", "t", "--statement", "joint-statement-2025-09-04",
            "--responsible", "mx", "--made-on", "2025-01-01", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "commitment refused: madeOn:");
    }

    [Fact]
    public void Add_UnknownStatement_RefusedNamingStatements()
    {
        ledger.RunIn("commitment", "add", "c2", "--agreement", "us-mx-security", "--text", "t", "--statement", "no-such-statement",
            "--responsible", "mx", "--made-on", "2025-10-01", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "statements[0]: statement 'no-such-statement' does not exist");
    }

    [Fact]
    public void Add_BadDate_IsUsageError()
    {
        ledger.RunIn("commitment", "add", "c2", "--agreement", "us-mx-security", "--text", "t", "--statement", "joint-statement-2025-09-04",
            "--responsible", "mx", "--made-on", "04/09/2025", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(2, "--made-on: '04/09/2025' is not a date written yyyy-mm-dd");
    }

    [Fact]
    public void AgreementAdd_ByParty_RefusedNamingAuthor()
    {
        ledger.RunIn("agreement", "add", "another", "--title", "t", "--party", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "is registered to party 'us', not to 'operator'");
    }

    [Fact]
    public void AgreementList_ShowsAgreementWithCommitmentCount()
    {
        var run = ledger.RunIn("agreement", "list", "--json").AssertOk();

        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(1, document.RootElement[0].GetProperty("commitments").GetInt32());
    }

    [Fact]
    public async Task PolicySet_Options_ChangeOnlyThoseFields()
    {
        ledger.RunIn("policy", "set", "us-mx-security", "--significant-change", "0.2", "--counts-toward-met", "verified,resolved").AssertOk();

        var policy = (await ledger.StateAsync()).Policies[new AgreementId("us-mx-security")].Record.Policy;
        Assert.Equal(0.2m, policy.SignificantChange);
        Assert.Equal(["verified", "resolved"], policy.CountsTowardMet);
        Assert.Equal(new EvaluationPolicy().MinPeriodsBefore, policy.MinPeriodsBefore);
    }

    [Fact]
    public async Task PolicySet_File_LogsTheWholePolicy()
    {
        var file = ledger.Write("policy.json", """{ "countsTowardMet": ["verified"], "minPeriodsBefore": 24, "confidenceLevel": "0.9", "rollup": "all-met" }""");

        ledger.RunIn("policy", "set", "us-mx-security", "--file", file).AssertOk();

        var policy = (await ledger.StateAsync()).Policies[new AgreementId("us-mx-security")].Record.Policy;
        Assert.Equal(24, policy.MinPeriodsBefore);
        Assert.Equal(0.9m, policy.ConfidenceLevel);
        Assert.Equal("all-met", policy.Rollup);
    }

    [Fact]
    public void PolicySet_BadRollup_RefusedNamingTheField()
    {
        ledger.RunIn("policy", "set", "us-mx-security", "--rollup", "best").AssertFails(1, "policy refused: policy.rollup:");
    }

    /// <summary>
    /// Issues 12 and 13: the policy's dispute resolvers, resetting statements and counted verifiers are set by
    /// <c>policy set</c> and cleared with 'any' / 'none'.
    /// </summary>
    [Fact]
    public async Task PolicySet_DisputeResolversAndResetStatements_LoggedAndCleared()
    {
        var run = ledger.RunIn("policy", "set", "us-mx-security", "--dispute-resolvers", "gao", "--reset-statements", "joint-statement-2025-09-04", "--verifiers", "gao");
        run.AssertOk();
        Assert.Contains("Disputes decided by: gao; expectations reset by: joint-statement-2025-09-04; checks counted from: gao; data notes: on.", run.Output, StringComparison.Ordinal);

        var policy = (await ledger.StateAsync()).Policies[new AgreementId("us-mx-security")].Record.Policy;
        Assert.Equal([new PartyId("gao")], policy.DisputeResolvers);
        Assert.Equal([new StatementId("joint-statement-2025-09-04")], policy.ResetStatements);
        Assert.Equal([new PartyId("gao")], policy.Verifiers);

        ledger.RunIn("policy", "set", "us-mx-security", "--significant-change", "0.2").AssertOk();
        policy = (await ledger.StateAsync()).Policies[new AgreementId("us-mx-security")].Record.Policy;
        Assert.Equal([new PartyId("gao")], policy.DisputeResolvers);

        ledger.RunIn("policy", "set", "us-mx-security", "--dispute-resolvers", "any", "--reset-statements", "none", "--verifiers", "any").AssertOk();
        policy = (await ledger.StateAsync()).Policies[new AgreementId("us-mx-security")].Record.Policy;
        Assert.Null(policy.DisputeResolvers);
        Assert.Null(policy.ResetStatements);
        Assert.Null(policy.Verifiers);
    }

    [Fact]
    public void PolicySet_ResolverNotAVerifier_RefusedNamingTheField()
    {
        ledger.RunIn("policy", "set", "us-mx-security", "--dispute-resolvers", "mx").AssertFails(1, "policy.disputeResolvers[0]");
        ledger.RunIn("policy", "set", "us-mx-security", "--reset-statements", "no-such-statement").AssertFails(1, "policy.resetStatements[0]");
        ledger.RunIn("policy", "set", "us-mx-security", "--verifiers", "mx").AssertFails(1, "policy.verifiers[0]", "party 'mx' is a party");
    }
}
