using System.Globalization;
using System.Security.Cryptography;

namespace OutcomeLedger.Cli.Tests.Commands;

/// <summary>
/// <c>--evidence FILE</c> on <c>measure add</c>, <c>attest</c> (one value, or by period) and <c>object</c>, and
/// <c>statement add --source-file</c>: the file is stored before the record that cites it is written, through the
/// session's tentative save, and taken back when the record is refused, so a refusal leaves no file in <c>blobs/</c>
/// that no entry cites. A record that is logged keeps its file.
/// </summary>
public sealed class EvidenceTakeBackTests : IDisposable
{
    readonly TestLedger ledger = new();
    readonly string measurement;
    readonly string evidence;

    public EvidenceTakeBackTests()
    {
        ledger.AddIndicator("seizures");
        ledger.RunIn("measure", "add", "seizures", "--period", "2026-01", "--value", "870", "--dataset", "CBP", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        measurement = ledger.StateAsync().GetAwaiter().GetResult().Measurements.Keys.Single().ToString(CultureInfo.InvariantCulture);
        evidence = ledger.Write("evidence.txt", "a file no logged entry cites");
        Assert.Empty(EvidenceFiles());
    }

    public void Dispose() => ledger.Dispose();

    CliRun As(string party, params string[] args) => ledger.RunIn([.. args, "--as", party, "--key", ledger.KeyOf(party)]);

    // Every file under blobs/ but the claims' lock: evidence and claim markers alike.
    List<string> EvidenceFiles()
    {
        var blobs = Path.Combine(ledger.LedgerPath, "blobs");
        return Directory.Exists(blobs)
            ? [.. Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(blobs, f)).Where(f => f != ".claims.lock")]
            : [];
    }

    [Fact]
    public void MeasureAdd_Refused_NoEvidenceLeft()
    {
        // 'seizures' is us's to report: a value by mx is refused.
        As("mx", "measure", "add", "seizures", "--period", "2026-02", "--value", "1", "--dataset", "d", "--evidence", evidence).AssertFails(1, "measurement refused: author:");

        Assert.Empty(EvidenceFiles());
    }

    [Fact]
    public void Attest_Refused_NoEvidenceLeft()
    {
        As("us", "attest", measurement, "--verdict", "acknowledged", "--evidence", evidence).AssertFails(1, "attestation refused: author:");

        Assert.Empty(EvidenceFiles());
    }

    [Fact]
    public void AttestByPeriod_Refused_NoEvidenceLeft()
    {
        As("us", "attest", "--indicator", "seizures", "--from", "2026-01", "--to", "2026-01", "--verdict", "acknowledged", "--evidence", evidence)
            .AssertFails(1, "cannot attest to its own values");

        Assert.Empty(EvidenceFiles());
    }

    [Fact]
    public void Object_Refused_NoEvidenceLeft()
    {
        As("mx", "object", measurement, "--reason", "not terms", "--evidence", evidence).AssertFails(1, "entry", "is not a commitment or an indicator");

        Assert.Empty(EvidenceFiles());
    }

    [Fact]
    public void StatementAdd_Refused_NoSourceFileLeft()
    {
        As("us", "statement", "add", "joint-statement-2025-09-04", "--date", "2025-09-04", "--title", "Again", "--party", "us",
            "--kind", "joint-statement", "--source-url", "https://www.state.gov/again", "--source-file", evidence).AssertFails(1, "statement refused");

        Assert.Empty(EvidenceFiles());
    }

    [Fact]
    public void Attest_Logged_EvidenceKept()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(evidence)));

        As("mx", "attest", measurement, "--verdict", "acknowledged", "--evidence", evidence).AssertOk();

        Assert.Equal([Path.Combine(sha[..2], sha)], EvidenceFiles());
    }
}
