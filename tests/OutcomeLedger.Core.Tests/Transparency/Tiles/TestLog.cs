using OutcomeLedger.Core.Tests.Interop;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

/// <summary>
/// A tiled log built in memory by our code from Go's seeded entries (GoSeededEntries) and the published test key of
/// TestData/go-tlog, so that it can be compared with what Go writes for the same seed and key.
/// </summary>
public sealed class TestLog
{
    /// <summary>The test signer key of TestData/go-tlog/README.md (seed 00..1f); never for anything real.</summary>
    public const string SignerKeyText = "PRIVATE+KEY+example.com/go-tlog+c5dbb9d0+AQABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f";

    public const string VerifierKeyText = "example.com/go-tlog+c5dbb9d0+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";

    public const string GoSeed = "outcomeledger-go-tlog";

    public TestLog(IEnumerable<byte[]> entries, string signerKey = SignerKeyText)
    {
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            Tree.Append(entry);
        }

        Assert.True(SignerKey.TryParse(signerKey, out var key, out var error), error?.Message);
        using (key)
        {
            Checkpoint = new Checkpoint(key.Name, Tree.Size, Tree.Root()).Sign(key.CreateSigner());
            Verifier = key.VerifierKey.CreateVerifier();
        }

        Files = TiledLogFiles.Build(Tree, [.. Entries.Select(e => (ReadOnlyMemory<byte>)e)], Checkpoint).ToDictionary();
    }

    public List<byte[]> Entries { get; }

    public MerkleTree Tree { get; } = new();

    public SignedNote Checkpoint { get; }

    public NoteVerifier Verifier { get; }

    /// <summary>Every file by path below the log prefix.</summary>
    public Dictionary<string, byte[]> Files { get; }

    public static TestLog FromGoSeed(int count, string seed = GoSeed) => new(GoSeededEntries.Entries(seed, count));

    public static NoteVerifier GoVerifier()
    {
        Assert.True(VerifierKey.TryParse(VerifierKeyText, out var key, out var error), error?.Message);
        return key.CreateVerifier();
    }

    /// <summary>Writes the files under <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        foreach (var (path, bytes) in Files)
        {
            var full = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>Reads every file under <paramref name="directory"/> by its path with '/' separators.</summary>
    public static Dictionary<string, byte[]> ReadDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes);
}
