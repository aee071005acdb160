using System.Diagnostics;
using System.Text.Json;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// Issue 15, Deliver 6: the token file and the witness state are changed by several processes at once (a server and
/// `outcomes token create`, two witnesses) and nothing is lost.
/// </summary>
public sealed class SharedFileTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-shared-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Tokens_FourProcessesCreateAndRevokeAtOnce_NothingLost()
    {
        const int processes = 4, each = 25;
        var runs = Enumerable.Range(0, processes).Select(p => RunHostAsync("tokens", _folder, $"p{p}", each.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var (exit, output, error) in await Task.WhenAll(runs))
        {
            Assert.True(exit == 0 && output.Trim() == "done", $"exit {exit}: {output} {error}");
        }

        var tokens = await TokenFile.InFolder(_folder).ListAsync(Cancel);
        Assert.Equal(processes * each, tokens.Count);
        Assert.Equal(processes * each, tokens.Select(t => t.Id).Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(int.Parse(t.Id.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0, t.IsRevoked));
        // Every change went through its own temporary file, renamed: none is left behind.
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task Tokens_AnotherProcessHoldsTheLock_TheChangeWaitsForIt()
    {
        var tokens = TokenFile.InFolder(_folder);
        var held = await SharedFile.LockAsync(tokens.Path, Cancel);
        var adding = tokens.AddAsync(Token("t1"), Cancel);
        await Task.Delay(200, Cancel);
        Assert.False(adding.IsCompleted);

        held.Dispose();
        await adding;
        Assert.Single(await tokens.ListAsync(Cancel));
    }

    [Fact]
    public async Task Tokens_ReplacedWithinTheSameClockTickBySameLength_ReaderSeesTheNewFile()
    {
        var reader = TokenFile.InFolder(_folder);
        await reader.AddAsync(Token("t1"), Cancel);
        var written = File.GetLastWriteTimeUtc(reader.Path);
        Assert.Equal("t1", (await reader.ListAsync(Cancel)).Single().Id);

        // Another process's file of the same length, renamed in with the same modification time: only the file's
        // identity says it changed.
        var other = TokenFile.InFolder(Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName);
        await other.AddAsync(Token("t2"), Cancel);
        SharedFile.Replace(reader.Path, await File.ReadAllBytesAsync(other.Path, Cancel));
        File.SetLastWriteTimeUtc(reader.Path, written);

        Assert.Equal("t2", (await reader.ListAsync(Cancel)).Single().Id);
    }

    [Fact]
    public async Task WitnessState_TwoStoresRaceFromTheSameState_OnlyOneAdvances()
    {
        var root = Rfc6962.HashLeaf([1]);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            new WitnessStateFile(Path.Combine(_folder, WitnessStateFile.FileName)).TryReplaceAsync("log.example/one", null, new CosignedTreeHead((ulong)i + 1, root), Cancel))));

        Assert.Single(results, r => r);
        var stored = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, WitnessStateFile.FileName), Cancel)).RootElement;
        Assert.EndsWith(root.ToBase64(), stored.GetProperty("log.example/one").GetString(), StringComparison.Ordinal);
    }

    static Core.Access.AccessToken Token(string id) => new(id, new Core.Ledger.PartyId("us"), Core.Access.AccessRole.Party, new string('0', 64), DateTimeOffset.UnixEpoch);

    static async Task<(int Exit, string Output, string Error)> RunHostAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OutcomeLedger.Storage.CrashHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, await output, await error);
    }
}
