using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Tests.Commands.Witness;

/// <summary><c>outcomes witness serve</c>'s options: each wrong one is one line and exit 2, before anything listens.</summary>
public sealed class WitnessServeCommandTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "outcomes-witness-serve", Guid.NewGuid().ToString("N"));
    readonly string _witnessKey;
    readonly string _witnessVerifier;
    readonly SignerKey _log = SignerKey.FromSeed("log.example/a", NoteKeyType.Ed25519, Enumerable.Repeat((byte)5, 32).ToArray());

    public WitnessServeCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _witnessKey = Path.Combine(_folder, "w.key");
        _witnessVerifier = TestLedger.Run("log", "keygen", "witness.example/w1", "--witness", "--out", _witnessKey).AssertOk().Output.Trim();
    }

    CliRun Serve(params string[] extra) => TestLedger.Run(["witness", "serve", "--key", _witnessKey, "--state", Path.Combine(_folder, "state"), .. extra]);

    [Fact]
    public void Serve_LogKeyNamedOtherThanItsOrigin_Usage() =>
        Serve("--log", "log.example/b=" + _log.VerifierKey).AssertFails(2, "a log's key is named after its origin");

    [Fact]
    public void Serve_WitnessKeyGivenAsLogKey_Usage() =>
        Serve("--log", "witness.example/w1=" + _witnessVerifier).AssertFails(2, "not a cosignature/v1 key");

    [Fact]
    public void Serve_PrivateKeyGivenAsLogKey_UsageWithoutEchoingIt()
    {
        var secret = _log.FormatPrivate();
        var run = Serve("--log", "log.example/a=" + secret).AssertFails(2, "not a private key");
        Assert.DoesNotContain(secret, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_NotAKey_UsageNamingTheOption() =>
        Serve("--log", "log.example/a=nonsense").AssertFails(2, "--log log.example/a:");

    [Fact]
    public void Serve_SameLogTwice_Usage() =>
        Serve("--log", _log.VerifierKey.ToString(), "--log", "log.example/a=" + _log.VerifierKey).AssertFails(2, "given twice");

    [Fact]
    public void Serve_WithoutLog_Usage() => Serve().AssertFails(2);

    public void Dispose()
    {
        _log.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
