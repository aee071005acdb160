using System.Globalization;

namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>
/// Round trips through tlogcheck (Go's golang.org/x/mod sumdb/tlog and sumdb/note): the harness works and
/// Go's checks catch every tampering we make. Cross-implementation tests feed our C# output to the same tool.
/// </summary>
public class TlogCheckTests(GoToolchain go)
{
    // Published test seeds (tests/interop/go/make-testdata.sh); never used for anything real.
    const string LogSeed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    const string WitnessSeed = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

    (string Skey, string Vkey) Keys(string name = "example.com/interop")
    {
        var result = go.Run("genkey", name, LogSeed);
        Assert.True(result.Succeeded, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0], lines[1]);
    }

    string MakeLog(int count, string seed = "interop")
    {
        var dir = go.CreateScratchDirectory();
        var made = go.Run("mklog", dir, count.ToString(CultureInfo.InvariantCulture), seed, Keys().Skey);
        Assert.True(made.Succeeded, made.ToString());
        return dir;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void MkLog_ThenVerifyTiles_Succeeds(int count)
    {
        var dir = MakeLog(count);

        var verified = go.Run("verify-tiles", dir, Keys().Vkey);

        Assert.True(verified.Succeeded, verified.ToString());
        Assert.Contains($"size {count} ", verified.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void MkLog_EmptyLog_RootIsSha256OfEmptyString()
    {
        var dir = MakeLog(0);

        var checkpoint = File.ReadAllText(Path.Combine(dir, "checkpoint"));

        // RFC 9162 §2.1.1, not tlog 0.7.0's all-zero TreeHash(0).
        Assert.StartsWith("example.com/interop\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n", checkpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void MkLog_SizeOf70000_WritesTheTilesOfTheSpecExample()
    {
        var dir = MakeLog(70_000);

        // c2sp.org/tlog-tiles: 273 full level-0 tiles, one of width 112, one full level-1 tile, one of
        // width 17, one level-2 tile of width 1.
        Assert.True(File.Exists(Path.Combine(dir, "tile", "0", "272")));
        Assert.True(File.Exists(Path.Combine(dir, "tile", "0", "273.p", "112")));
        Assert.True(File.Exists(Path.Combine(dir, "tile", "1", "000")));
        Assert.True(File.Exists(Path.Combine(dir, "tile", "1", "001.p", "17")));
        Assert.True(File.Exists(Path.Combine(dir, "tile", "2", "000.p", "1")));
        Assert.True(File.Exists(Path.Combine(dir, "tile", "entries", "273.p", "112")));
        Assert.Equal(273 + 1 + 1 + 1 + 1, Directory.EnumerateFiles(Path.Combine(dir, "tile"), "*", SearchOption.AllDirectories).Count(f => !f.Contains("entries", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("checkpoint")]
    [InlineData("tile/0/")]
    [InlineData("tile/1/")]
    [InlineData("tile/entries/")]
    public void VerifyTiles_SingleByteFlipped_FailsNamingTheFile(string filePrefix)
    {
        // 600 entries: two full level-0 tiles and bundles, partial ones of width 88, a level-1 tile of width 2.
        var dir = MakeLog(600);
        var vkey = Keys().Vkey;
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.StartsWith(filePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(files);
        var random = new Random(6962 + filePrefix.Length);

        for (var trial = 0; trial < 30; trial++)
        {
            var file = files[random.Next(files.Length)];
            var path = Path.Combine(dir, file);
            var original = File.ReadAllBytes(path);
            var position = random.Next(original.Length);
            var mask = (byte)random.Next(1, 256);
            var tampered = (byte[])original.Clone();
            tampered[position] ^= mask;
            File.WriteAllBytes(path, tampered);

            var result = go.Run("verify-tiles", dir, vkey);

            File.WriteAllBytes(path, original);
            Assert.True(result.ExitCode == 1, $"{file} byte {position} ^ 0x{mask:x2} passed: {result}");
            Assert.Contains(file, result.StandardError, StringComparison.Ordinal);
        }

        Assert.True(go.Run("verify-tiles", dir, vkey).Succeeded);
    }

    [Fact]
    public void VerifyTiles_SignatureBase64WithUnusedBitSet_Fails()
    {
        var dir = MakeLog(10);
        var path = Path.Combine(dir, "checkpoint");
        var text = File.ReadAllText(path);
        // 68 signature bytes encode to 92 base64 characters ending in one '='; the last character before it
        // carries 2 unused bits. x/mod's note.Open decodes leniently and would accept the changed file.
        var last = text.LastIndexOf('=') - 1;
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var changed = alphabet[alphabet.IndexOf(text[last], StringComparison.Ordinal) ^ 1];
        File.WriteAllText(path, text[..last] + changed + text[(last + 1)..]);

        var result = go.Run("verify-tiles", dir, Keys().Vkey);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("canonical base64", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_WrongKey_Fails()
    {
        var dir = MakeLog(10);

        var result = go.Run("verify-tiles", dir, Keys("example.com/other").Vkey);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("checkpoint", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_MissingTile_FailsNamingIt()
    {
        var dir = MakeLog(300);
        File.Delete(Path.Combine(dir, "tile", "0", "001.p", "44"));

        var result = go.Run("verify-tiles", dir, Keys().Vkey);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("tile/0/001.p/44", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void SignNote_ThenVerifyNote_Succeeds()
    {
        var (skey, vkey) = Keys();
        var dir = go.CreateScratchDirectory();
        var text = Path.Combine(dir, "text");
        File.WriteAllText(text, "Commitment 7: seizures reported monthly\nsecond line — with a dash\n");

        var signed = go.Run("sign-note", skey, text);
        var note = Path.Combine(dir, "note");
        File.WriteAllText(note, signed.StandardOutput);
        var verified = go.Run("verify-note", vkey, note);

        Assert.True(signed.Succeeded, signed.ToString());
        Assert.StartsWith(File.ReadAllText(text) + "\n— example.com/interop ", signed.StandardOutput, StringComparison.Ordinal);
        Assert.True(verified.Succeeded, verified.ToString());
    }

    [Theory]
    [InlineData("Commitment 7", "Commitment 8")]
    [InlineData("monthly\n", "monthly \n")]
    [InlineData("— example.com/interop ", "— example.com/interoq ")]
    public void VerifyNote_TamperedNote_Fails(string original, string replacement)
    {
        var (skey, vkey) = Keys();
        var dir = go.CreateScratchDirectory();
        var text = Path.Combine(dir, "text");
        File.WriteAllText(text, "Commitment 7: seizures reported monthly\n");
        var note = Path.Combine(dir, "note");
        var signed = go.Run("sign-note", skey, text).StandardOutput;
        Assert.Contains(original, signed, StringComparison.Ordinal);
        File.WriteAllText(note, signed.Replace(original, replacement, StringComparison.Ordinal));

        var result = go.Run("verify-note", vkey, note);

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void VerifyInclusion_EveryEntryOfALog_Succeeds()
    {
        var dir = MakeLog(20);
        var vkey = Keys().Vkey;

        for (var index = 0; index < 20; index++)
        {
            var result = go.Run("verify-inclusion", dir, vkey, index.ToString(CultureInfo.InvariantCulture));
            Assert.True(result.Succeeded, $"entry {index}: {result}");
        }

        Assert.Equal(1, go.Run("verify-inclusion", dir, vkey, "20").ExitCode);
    }

    [Fact]
    public void Prove_ThenVerifyReceipt_AcceptsTheEntryAndRejectsAnother()
    {
        var dir = MakeLog(1000);
        var vkey = Keys().Vkey;
        var receipt = Path.Combine(dir, "entry-700.tlog-proof");
        var proved = go.Run("prove", dir, "700");
        File.WriteAllText(receipt, proved.StandardOutput);
        var bundle = File.ReadAllBytes(Path.Combine(dir, "tile", "entries", "002"));
        var entry700 = Path.Combine(dir, "entry-700");
        var entry701 = Path.Combine(dir, "entry-701");
        File.WriteAllBytes(entry700, BundleEntry(bundle, 700 - 512));
        File.WriteAllBytes(entry701, BundleEntry(bundle, 701 - 512));

        var accepted = go.Run("verify-receipt", receipt, vkey, entry700);
        var rejected = go.Run("verify-receipt", receipt, vkey, entry701);

        Assert.True(proved.Succeeded, proved.ToString());
        Assert.StartsWith("c2sp.org/tlog-proof@v1\nindex 700\n", proved.StandardOutput, StringComparison.Ordinal);
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Equal(1, rejected.ExitCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(999)]
    [InlineData(1000)]
    public void ProveConsistency_ThenVerifyConsistency_Succeeds(int oldSize)
    {
        var oldLog = MakeLog(oldSize, seed: "history");
        var newLog = MakeLog(1000, seed: "history");
        var body = Path.Combine(newLog, "add-checkpoint");
        var proved = go.Run("prove-consistency", newLog, oldSize.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(body, proved.StandardOutput);

        var verified = go.Run("verify-consistency", body, Keys().Vkey, Path.Combine(oldLog, "checkpoint"));

        Assert.True(proved.Succeeded, proved.ToString());
        Assert.StartsWith($"old {oldSize}\n", proved.StandardOutput, StringComparison.Ordinal);
        Assert.True(verified.Succeeded, verified.ToString());
    }

    [Fact]
    public void VerifyConsistency_OldTreeWithOtherEntries_Fails()
    {
        var oldLog = MakeLog(300, seed: "one history");
        var newLog = MakeLog(1000, seed: "another history");
        var body = Path.Combine(newLog, "add-checkpoint");
        File.WriteAllText(body, go.Run("prove-consistency", newLog, "300").StandardOutput);

        var result = go.Run("verify-consistency", body, Keys().Vkey, Path.Combine(oldLog, "checkpoint"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not consistent", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_CommittedGoVector_Succeeds()
    {
        var extra = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra");
        var vkey = File.ReadAllText(Path.Combine(extra, "log.vkey")).Trim();

        var result = go.Run("verify-consistency", Path.Combine(extra, "add-checkpoint-100-to-300"), vkey, Path.Combine(extra, "checkpoint-100"));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void VerifyReceipt_CommittedGoReceipt_Succeeds()
    {
        var extra = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra");
        var vkey = File.ReadAllText(Path.Combine(extra, "log.vkey")).Trim();
        var dir = go.CreateScratchDirectory();
        var entry = Path.Combine(dir, "entry-123");
        File.WriteAllBytes(entry, GoSeededEntries.Entry("outcomeledger-go-tlog", 123));

        var result = go.Run("verify-receipt", Path.Combine(extra, "entry-123.tlog-proof"), vkey, entry);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void VerifyCosignature_CommittedGoCosignature_Succeeds()
    {
        var extra = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra");
        var vkey = File.ReadAllText(Path.Combine(extra, "witness.vkey")).Trim();

        var result = go.Run("verify-cosignature", Path.Combine(extra, "checkpoint-cosigned"), vkey);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("at time 1767225600", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosign_ThenVerifyCosignature_AcceptsAndRejectsTampering()
    {
        var dir = MakeLog(5);
        var checkpoint = Path.Combine(dir, "checkpoint");
        var cosign = go.Run("cosign", checkpoint, WitnessSeed, "witness.example.com/w1", "1767225600");
        Assert.True(cosign.Succeeded, cosign.ToString());
        var lines = cosign.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cosigned = Path.Combine(dir, "cosigned");
        File.WriteAllText(cosigned, File.ReadAllText(checkpoint) + lines[0] + "\n");
        var tampered = Path.Combine(dir, "tampered");
        File.WriteAllText(tampered, File.ReadAllText(cosigned).Replace("\n5\n", "\n6\n", StringComparison.Ordinal));

        var accepted = go.Run("verify-cosignature", cosigned, lines[1]);
        var rejected = go.Run("verify-cosignature", tampered, lines[1]);

        Assert.StartsWith("— witness.example.com/w1 ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("witness.example.com/w1+", lines[1], StringComparison.Ordinal);
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Equal(1, rejected.ExitCode);
    }

    [Fact]
    public void VerifyTiles_CommittedGoLog_Succeeds()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog");
        var vkey = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra", "log.vkey")).Trim();

        var result = go.Run("verify-tiles", dir, vkey);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void GoTest_TlogCheckPackage_Passes()
    {
        var result = go.RunGo("test", "./...");

        Assert.True(result.Succeeded, result.ToString());
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("verify-note", "only-one-argument")]
    [InlineData("mklog", "dir", "-1", "seed", "key")]
    public void Run_BadCommandLine_ExitsWithUsage(params string[] args)
    {
        var result = go.Run(args);

        Assert.Equal(2, result.ExitCode);
    }

    // c2sp.org/tlog-tiles: an entry bundle is a sequence of big-endian uint16 length-prefixed entries.
    static byte[] BundleEntry(byte[] bundle, int index)
    {
        var offset = 0;
        for (var i = 0; ; i++)
        {
            var length = (bundle[offset] << 8) | bundle[offset + 1];
            if (i == index)
            {
                return bundle[(offset + 2)..(offset + 2 + length)];
            }

            offset += 2 + length;
        }
    }
}
