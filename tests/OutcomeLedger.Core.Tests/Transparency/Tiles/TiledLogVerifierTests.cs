using System.Text;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

public class TiledLogVerifierTests
{
    static readonly string GoLogDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog");

    static TiledLogCheck Verify(IReadOnlyDictionary<string, byte[]> files, NoteVerifier? key = null, string? origin = null, ulong maxTreeSize = TiledLogVerifier.DefaultMaxTreeSize) =>
        new TiledLogVerifier(key ?? TestLog.GoVerifier(), origin, maxTreeSize).Verify(path => files.GetValueOrDefault(path));

    [Fact]
    public void Verify_GoWrittenLog_IsValid()
    {
        var files = TestLog.ReadDirectory(GoLogDirectory);
        files.Remove("README.md");

        var check = Verify(files, origin: "example.com/go-tlog");

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(300ul, check.EntryCount);
        Assert.Equal(3, check.HashTileCount);
        Assert.StartsWith("valid: example.com/go-tlog size 300 root yD2dNuZ8RLv4CrE6YZhd6W4TfMw6Edt6HnLaCMhmQCg=", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GoSeededEntries_WritesTheFilesGoWrote()
    {
        var go = TestLog.ReadDirectory(GoLogDirectory);
        go.Remove("README.md");

        var ours = TestLog.FromGoSeed(300).Files;

        Assert.Equal(go.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in go)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(ours[path]), path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(513)]
    [InlineData(65_536)]
    [InlineData(70_000)]
    public void Verify_OurLog_IsValidAndChecksEveryHashTile(int size)
    {
        var log = TestLog.FromGoSeed(size, "sizes");
        var read = new HashSet<string>();

        var check = new TiledLogVerifier(log.Verifier).Verify(path =>
        {
            read.Add(path);
            return log.Files.GetValueOrDefault(path);
        });

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal((ulong)size, check.EntryCount);
        Assert.Equal(TileLayout.HashTiles((ulong)size).LongCount(), check.HashTileCount);
        Assert.Equal(log.Files.Keys.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Verify_GoWrittenLog_AnySingleByteChangeFailsNamingThatFile()
    {
        var files = TestLog.ReadDirectory(GoLogDirectory);
        files.Remove("README.md");
        var random = new Random(9162);

        foreach (var (path, original) in files.ToArray())
        {
            // Every byte of the small files; seeded positions (and the first and last byte) of the bundles.
            var positions = original.Length <= 1024
                ? Enumerable.Range(0, original.Length)
                : Enumerable.Range(0, 300).Select(_ => random.Next(original.Length)).Append(0).Append(original.Length - 1);
            foreach (var position in positions)
            {
                var tampered = (byte[])original.Clone();
                tampered[position] ^= (byte)(1 << random.Next(8));
                files[path] = tampered;

                var check = Verify(files);

                Assert.False(check.IsValid, $"{path} byte {position} changed, still valid");
                Assert.Equal(path, check.File);
            }

            files[path] = original;
        }

        Assert.True(Verify(files).IsValid);
    }

    [Fact]
    public void Verify_SignatureBase64WithUnusedLowBitSet_FailsOnTheCheckpoint()
    {
        var files = TestLog.ReadDirectory(GoLogDirectory);
        var text = Encoding.UTF8.GetString(files["checkpoint"]);
        Assert.EndsWith("vgo=\n", text, StringComparison.Ordinal);
        files["checkpoint"] = Encoding.UTF8.GetBytes(text[..^5] + "vgp=\n");

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.Checkpoint, check.Failure);
        Assert.Equal("checkpoint", check.File);
        Assert.Contains("base64", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("checkpoint")]
    [InlineData("tile/entries/000")]
    [InlineData("tile/entries/001.p/44")]
    [InlineData("tile/0/000")]
    [InlineData("tile/0/001.p/44")]
    [InlineData("tile/1/000.p/1")]
    public void Verify_MissingFile_FailsNamingIt(string path)
    {
        var files = TestLog.FromGoSeed(300).Files;
        files.Remove(path);

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.Missing, check.Failure);
        Assert.Equal(path, check.File);
    }

    [Theory]
    [InlineData("tile/0/000", 1)]
    [InlineData("tile/0/000", -1)]
    [InlineData("tile/1/000.p/1", 32)]
    [InlineData("tile/0/001.p/44", -32)]
    public void Verify_HashTileOfWrongLength_FailsNamingIt(string path, int change)
    {
        var files = TestLog.FromGoSeed(300).Files;
        var original = files[path];
        files[path] = change > 0 ? [.. original, .. new byte[change]] : original[..^(-change)];

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.WrongLength, check.Failure);
        Assert.Equal(path, check.File);
    }

    [Fact]
    public void Verify_BundleWithATrailingByte_FailsAsMalformed()
    {
        var files = TestLog.FromGoSeed(300).Files;
        files["tile/entries/001.p/44"] = [.. files["tile/entries/001.p/44"], 0];

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.MalformedBundle, check.Failure);
        Assert.Equal("tile/entries/001.p/44", check.File);
    }

    [Fact]
    public void Verify_BundleTooLargeForAnyBundle_FailsWithoutParsing()
    {
        var files = TestLog.FromGoSeed(3).Files;
        files["tile/entries/000.p/3"] = new byte[TiledLogVerifier.MaxBundleSize + 1];

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.WrongLength, check.Failure);
    }

    [Fact]
    public void Verify_SignedRootOfOtherEntries_FailsOnTheCheckpoint()
    {
        var log = TestLog.FromGoSeed(300);
        var other = TestLog.FromGoSeed(300, "other entries");
        var files = new Dictionary<string, byte[]>(log.Files) { ["checkpoint"] = other.Files["checkpoint"] };

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.RootMismatch, check.Failure);
        Assert.Equal("checkpoint", check.File);
    }

    [Fact]
    public void Verify_OtherKey_FailsOnTheCheckpoint()
    {
        using var key = SignerKey.Generate("example.com/go-tlog");

        var check = Verify(TestLog.FromGoSeed(5).Files, key.VerifierKey.CreateVerifier());

        Assert.Equal(TiledLogFailure.Checkpoint, check.Failure);
        Assert.Equal("checkpoint", check.File);
    }

    [Fact]
    public void Verify_OtherOrigin_FailsOnTheCheckpoint()
    {
        var check = Verify(TestLog.FromGoSeed(5).Files, origin: "example.com/another-log");

        Assert.Equal(TiledLogFailure.Checkpoint, check.Failure);
        Assert.Contains("another-log", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SizeAboveTheBound_IsRefusedBeforeReadingTiles()
    {
        var files = TestLog.FromGoSeed(300).Files;
        var reads = 0;

        var check = new TiledLogVerifier(TestLog.GoVerifier(), maxTreeSize: 299).Verify(path =>
        {
            reads++;
            return files.GetValueOrDefault(path);
        });

        Assert.Equal(TiledLogFailure.TooLarge, check.Failure);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void Verify_LeafHashChangedInTile_BlamesTheTileAndNamesTheEntry()
    {
        // The changed tile no longer agrees with tile/1 above it, so the tile, not the bundle, is named.
        var log = TestLog.FromGoSeed(300);
        var files = new Dictionary<string, byte[]>(log.Files);
        files["tile/0/000"] = (byte[])files["tile/0/000"].Clone();
        files["tile/0/000"][0] ^= 1;

        var check = Verify(files);

        Assert.Equal(TiledLogFailure.HashMismatch, check.Failure);
        Assert.Equal("tile/0/000", check.File);
        Assert.Contains("entry 0 in tile/entries/000", check.Message, StringComparison.Ordinal);
    }
}
