using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Attest;

public sealed class AttestCommandTests : IDisposable
{
    readonly TestLedger ledger = new();
    readonly string measurement;

    public AttestCommandTests()
    {
        ledger.AddIndicator("sw-border-fentanyl");
        ledger.RunIn("measure", "add", "sw-border-fentanyl", "--period", "2025-12", "--value", "870", "--dataset", "CBP", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        measurement = ledger.StateAsync().GetAwaiter().GetResult().Measurements.Keys.Single().ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose() => ledger.Dispose();

    CliRun Attest(string party, params string[] extra) => ledger.RunIn(["attest", measurement, "--as", party, "--key", ledger.KeyOf(party), .. extra]);

    [Fact]
    public async Task Attest_DisputeThenResolve_RecordsBothWithFiguresAndEvidence()
    {
        var evidence = ledger.Write("count.csv", "month,lb\n2025-12,910\n");

        Attest("mx", "--verdict", "disputed", "--figure", "910", "--reason", "our count of the same month", "--evidence", evidence).AssertOk();
        Attest("gao", "--verdict", "resolved", "--figure", "910", "--reason", "joint review of the seizure records").AssertOk();

        var attestations = (await ledger.StateAsync()).Measurements[ulong.Parse(measurement, CultureInfo.InvariantCulture)].Attestations.Select(a => a.Record).ToList();
        Assert.Equal([Verdict.Disputed, Verdict.Resolved], attestations.Select(a => a.Verdict));
        Assert.Equal(910m, attestations[0].Figure);
        Assert.Single(attestations[0].Evidence);
        Assert.Equal(new PartyId("gao"), attestations[1].Author);
    }

    // Issue 12, Why 1: a "correction" by the reporter (the same value again) erased mx's dispute: MET, "0 disputed".
    [Fact]
    public void Attest_DisputeThenReportersCorrection_TheDisputeSurvivesInEveryOutput()
    {
        Attest("mx", "--verdict", "disputed", "--figure", "650", "--reason", "our count of the same month").AssertOk();
        ledger.RunIn("measure", "add", "sw-border-fentanyl", "--period", "2025-12", "--value", "870", "--supersedes", measurement,
            "--dataset", "CBP", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        var point = ScorecardPoint("2025-12");
        Assert.Equal("disputed", point.GetProperty("status").GetString());
        Assert.Equal("650", point.GetProperty("openDisputes")[0].GetProperty("figure").GetString());
        Assert.Equal(["reported", "disputed", "corrected"], point.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        var list = ledger.RunIn("measure", "list", "--indicator", "sw-border-fentanyl").AssertOk();
        Assert.Contains("disputed (mx: 650)", list.Output, StringComparison.Ordinal);
        var markdown = ledger.Write("scorecard.md", "");
        ledger.RunIn("scorecard", "--format", "md", "--out", markdown).AssertOk();
        Assert.Contains("disputed figure mx: 650", File.ReadAllText(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Attest_DisputerWithdraws_TheDisputeEnds()
    {
        Attest("mx", "--verdict", "disputed", "--figure", "650", "--reason", "our count of the same month").AssertOk();
        Attest("gao", "--verdict", "withdrawn").AssertFails(1, "attestation refused: verdict: only the disputer withdraws a dispute");

        Attest("mx", "--verdict", "withdrawn", "--reason", "our count missed a port").AssertOk();

        var point = ScorecardPoint("2025-12");
        Assert.Equal("self-reported", point.GetProperty("status").GetString());
        Assert.False(point.TryGetProperty("openDisputes", out _));
        Assert.Equal(["reported", "disputed", "withdrawn"], point.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public void Attest_ResolutionByBothSides_TheAgreedFigureStands()
    {
        Attest("mx", "--verdict", "disputed", "--figure", "650", "--reason", "our count of the same month").AssertOk();
        Attest("mx", "--verdict", "resolved", "--figure", "760", "--reason", "joint count").AssertOk();
        Assert.Equal("disputed", ScorecardPoint("2025-12").GetProperty("status").GetString());

        Attest("us", "--verdict", "resolved", "--figure", "760", "--reason", "joint count").AssertOk();

        var point = ScorecardPoint("2025-12");
        Assert.Equal(("resolved", "760"), (point.GetProperty("status").GetString(), point.GetProperty("stands").GetString()));
        Attest("gao", "--verdict", "resolved", "--figure", "700", "--reason", "audit").AssertFails(1, "already resolved by entry");
    }

    JsonElement ScorecardPoint(string period)
    {
        var path = ledger.Write("scorecard.json", "");
        ledger.RunIn("scorecard", "--format", "json", "--out", path).AssertOk();
        using var card = JsonDocument.Parse(File.ReadAllBytes(path));
        return card.RootElement.GetProperty("commitments").EnumerateArray()
            .SelectMany(c => c.GetProperty("indicators").EnumerateArray())
            .SelectMany(i => i.GetProperty("series").EnumerateArray())
            .SelectMany(s => s.GetProperty("points").EnumerateArray())
            .Single(p => p.GetProperty("period").GetString() == period)
            .Clone();
    }

    [Fact]
    public void Attest_VerifiedByVerifier_ShownInMeasureList()
    {
        Attest("gao", "--verdict", "verified").AssertOk();

        var list = ledger.RunIn("measure", "list", "--indicator", "sw-border-fentanyl").AssertOk();

        Assert.Contains("verified (gao)", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Attest_DisputeWithoutFigure_RefusedNamingFigure()
    {
        Attest("mx", "--verdict", "disputed", "--reason", "too low").AssertFails(1, "attestation refused: figure:");
    }

    [Fact]
    public void Attest_OwnMeasurement_RefusedNamingAuthor()
    {
        Attest("us", "--verdict", "acknowledged").AssertFails(1, "attestation refused: author:");
    }

    [Fact]
    public void Attest_VerifiedByParty_RefusedNamingVerdict()
    {
        Attest("mx", "--verdict", "verified").AssertFails(1, "attestation refused: verdict: only an independent verifier");
    }

    [Fact]
    public void Attest_NotAMeasurement_FailsNamingTheEntry()
    {
        ledger.RunIn("attest", "1", "--verdict", "acknowledged", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertFails(1, "entry 1 is not a measurement");
    }

    [Fact]
    public void Attest_UnknownVerdict_IsUsageError()
    {
        Attest("mx", "--verdict", "approved").AssertFails(2, "--verdict: 'approved' is not one of acknowledged, disputed, verified, verification-failed, resolved, withdrawn");
    }

    [Fact]
    public void Attest_WrongPartysKey_RefusedNamingTheKeysOwner()
    {
        ledger.RunIn("attest", measurement, "--verdict", "acknowledged", "--as", "mx", "--key", ledger.KeyOf("gao"))
            .AssertFails(1, "registered to party 'gao', not to 'mx'");
    }
}
