using System.Text;
using BenchmarkDotNet.Attributes;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Benchmarks.Transparency;

/// <summary>Opening a cosigned checkpoint and the Ed25519 paths under it (docs/formats.md, "Ed25519").</summary>
[MemoryDiagnoser]
public class SignedNoteBenchmarks
{
    readonly SignerKey _log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Seed(1));
    readonly SignerKey _witness1 = SignerKey.FromSeed("w1.example", NoteKeyType.CosignatureV1, Seed(2));
    readonly SignerKey _witness2 = SignerKey.FromSeed("w2.example", NoteKeyType.CosignatureV1, Seed(3));
    readonly TimeProvider _time = new FixedTime();
    byte[] _message = [];
    byte[] _body = [];
    byte[] _signature = [];
    byte[] _smallOrderKey = [];
    byte[] _smallOrderSignature = [];
    NoteVerifier _logVerifier = null!;
    NoteVerifier[] _witnesses = [];
    Ed25519PublicKey _smallOrderPublicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        var checkpoint = new Checkpoint("example.com/log", 123_456_789, Rfc6962.HashLeaf("root"u8));
        var note = checkpoint.Sign(_log.CreateSigner()).AddSignatures(_witness1.CreateSigner(_time), _witness2.CreateSigner(_time));
        _message = note.ToBytes();
        _body = Encoding.UTF8.GetBytes(checkpoint.Format());
        _signature = _log.PrivateKey.Sign(_body);
        _logVerifier = _log.VerifierKey.CreateVerifier();
        _witnesses = [_witness1.VerifierKey.CreateVerifier(), _witness2.VerifierKey.CreateVerifier()];

        // CCTV ed25519 vector 0's shape: identity key and signature, which libsodium rejects and Go accepts
        // only when the cofactorless check passes; it takes the reference path.
        _smallOrderKey = new byte[32];
        _smallOrderKey[0] = 1;
        _smallOrderSignature = new byte[64];
        _smallOrderSignature[0] = 1;
        _smallOrderPublicKey = new Ed25519PublicKey(_smallOrderKey);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _log.Dispose();
        _witness1.Dispose();
        _witness2.Dispose();
    }

    [Benchmark]
    public bool OpenCheckpoint_LogAndTwoWitnesses() => Checkpoint.TryOpen(_message, _logVerifier, _witnesses, out _, out _);

    [Benchmark]
    public bool ParseNote() => SignedNote.TryParse(_message, out _, out _);

    [Benchmark(Baseline = true)]
    public bool Ed25519Verify_Valid() => _log.PrivateKey.PublicKey.Verify(_body, _signature);

    [Benchmark]
    public bool Ed25519Verify_SmallOrderReferencePath() => _smallOrderPublicKey.Verify("m"u8, _smallOrderSignature);

    static byte[] Seed(byte value) => Enumerable.Repeat(value, 32).ToArray();

    sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(1_767_139_200);
    }
}
