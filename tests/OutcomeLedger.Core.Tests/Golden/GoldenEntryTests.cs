using System.Text;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Golden;

/// <summary>
/// Every entry ever logged must keep its bytes: a leaf's hash is in the Merkle tree, and its signature is over its
/// payload. <c>Golden/entries/&lt;name&gt;.json</c> holds the leaf of one record of every kind as
/// <see cref="EntryCodec.Sign"/> wrote it at b9e99f2; these tests fail on any change to how a record is written, read
/// or signed. A golden file is never rewritten to make a test pass.
/// </summary>
public sealed class GoldenEntryTests
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Golden", "entries");

    public static TheoryData<string> Names() => [.. GoldenRecords.All.Select(g => g.Name)];

    static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".json"));

    [Theory]
    [MemberData(nameof(Names))]
    public void Sign_GoldenRecord_GivesTheGoldenBytes(string name)
    {
        var expected = Golden(name);

        var signed = GoldenRecords.Sign(GoldenRecords.Get(name));

        // The text first, for a readable difference; then the bytes, which are what the log hashes.
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(signed));
        Assert.Equal(expected, signed);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TryOpen_GoldenFile_ReadsTheRecordAndSignsBackToTheSameBytes(string name)
    {
        var golden = Golden(name);
        var expected = GoldenRecords.Get(name);

        Assert.True(EntryCodec.TryOpen(golden, out var envelope, out var read, out var error), $"{name}: {error}");

        Assert.IsType(expected.GetType(), read);
        Assert.Equal(expected.Kind, read!.Kind);
        // Records hold lists and dictionaries, which record equality compares by reference: compare member by member
        // (Assert.Equivalent ignores the order of list items; signing the record read back, below, checks it).
        Assert.Equivalent(expected, read, strict: true);
        using var key = GoldenRecords.Key();
        var signature = Assert.Single(envelope!.Signatures);
        Assert.Equal(key.KeyId, signature.KeyId);
        Assert.True(EntryCodec.VerifySignature(envelope, signature, key.PublicKey), $"{name}: the signature does not verify");
        Assert.Equal(golden, EntryCodec.Sign(read, key));
    }

    [Fact]
    public void RecordTypes_EveryKind_HasAGoldenFile()
    {
        var covered = GoldenRecords.All
            .Where(g => File.Exists(Path.Combine(Folder, g.Name + ".json")))
            .Select(g => g.Record.Kind)
            .ToHashSet(StringComparer.Ordinal);

        var missing = RecordJson.RecordTypes.Keys.Where(kind => !covered.Contains(kind)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"record kinds without a golden entry: {string.Join(", ", missing)} (add one to GoldenRecords and its file to Golden/entries)");
    }

    [Fact]
    public void GoldenFiles_EachFile_IsARecordOfGoldenRecords()
    {
        var files = Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(GoldenRecords.All.Select(g => g.Name).Order(StringComparer.Ordinal), files);
    }
}
