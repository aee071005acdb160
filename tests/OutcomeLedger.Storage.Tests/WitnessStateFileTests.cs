using System.Text.Json;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// The witness state file as <c>outcomes witness</c> and <c>outcomes witness serve</c> keep it: the single-log file earlier
/// versions of <c>outcomes witness</c> wrote is still read as the same state, and a file that is not a state is a clear
/// error naming it, never a crash or an empty state (which would let the witness trust a fork on first use).
/// </summary>
public sealed class WitnessStateFileTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "outcomes-witness-state", Guid.NewGuid().ToString("N"));

    public WitnessStateFileTests() => Directory.CreateDirectory(_folder);

    string Path1 => Path.Combine(_folder, "witness-state.json");

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_SingleLogFileOfEarlierVersions_ReadAsTheSameState_ThenAdvanced()
    {
        var root = Rfc6962.HashLeaf("root"u8);
        await File.WriteAllTextAsync(Path1, JsonSerializer.Serialize(new { origin = "log.example/a", size = 12UL, rootHash = root.ToBase64() }), Cancel);
        var state = new WitnessStateFile(Path1);

        var head = await state.GetAsync("log.example/a", Cancel);
        Assert.Equal(new CosignedTreeHead(12, root), head);
        Assert.Null(await state.GetAsync("log.example/b", Cancel));

        var next = new CosignedTreeHead(13, Rfc6962.HashLeaf("next"u8));
        Assert.True(await state.TryReplaceAsync("log.example/a", head, next, Cancel));
        Assert.Equal(next, await new WitnessStateFile(Path1).GetAsync("log.example/a", Cancel));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"log.example/a\": 5}")]
    public async Task GetAsync_NotAStateFile_ErrorNamingTheFile(string content)
    {
        await File.WriteAllTextAsync(Path1, content, Cancel);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new WitnessStateFile(Path1).GetAsync("log.example/a", Cancel));
        Assert.Contains(Path1, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
