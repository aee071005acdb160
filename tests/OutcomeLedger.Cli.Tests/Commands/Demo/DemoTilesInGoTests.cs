using OutcomeLedger.Core.Tests.Interop;

namespace OutcomeLedger.Cli.Tests.Commands.Demo;

/// <summary>A ledger's exported tiles are checked by an independent implementation: Go's sumdb/note and sumdb/tlog.</summary>
public sealed class DemoTilesInGoTests(DemoFixture demo, GoToolchain go) : IClassFixture<DemoFixture>
{
    [Fact]
    public void ExportedTiles_PassGosTlog_AndFailAfterAByteChanges()
    {
        Assert.Equal(0, demo.Run.ExitCode);
        var key = CliRun.Invoke("log", "public-key", "--ledger", demo.Folder).Output.Trim();
        var tiles = Path.Combine(demo.Folder, "tiles");

        var accepted = go.Run("verify-tiles", tiles, key);
        Assert.True(accepted.Succeeded, accepted.StandardError);

        var copy = Path.Combine(go.CreateScratchDirectory(), "tiles");
        foreach (var file in Directory.EnumerateFiles(tiles, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(tiles, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var bundle = Directory.EnumerateFiles(Path.Combine(copy, "tile", "entries"), "*", SearchOption.AllDirectories).First();
        var bytes = File.ReadAllBytes(bundle);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(bundle, bytes);

        var rejected = go.Run("verify-tiles", copy, key);
        Assert.Equal(1, rejected.ExitCode);
    }
}
