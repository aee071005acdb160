namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// One writer at a time on a SQLite ledger folder (issue 15, Deliver 6): a server's hold excludes commands' writes and
/// other servers, naming itself; commands write side by side; a status file nobody holds is ignored.
/// </summary>
public sealed class LedgerWriterLockTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-writer-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enter_WhileAServerHolds_RefusedNamingItsProcessAndAddress()
    {
        using var server = await LedgerWriterLock.HoldAsync(_folder, Cancel);
        var starting = Assert.Throws<LedgerInUseException>(() => LedgerWriterLock.Enter(_folder));
        Assert.Equal($"ledger {_folder} is in use by outcomes serve (starting); send writes to its HTTP API (or stop the server)", starting.Message);

        server.Announce(["http://127.0.0.1:5080", "https://ledger.example:8443"]);
        var refused = Assert.Throws<LedgerInUseException>(() => LedgerWriterLock.Enter(_folder));
        Assert.Equal($"ledger {_folder} is in use by outcomes serve, pid {Environment.ProcessId}; send writes to http://127.0.0.1:5080 (or stop the server)", refused.Message);
        Assert.Equal(Environment.ProcessId, refused.Holder!.Pid);
        Assert.IsAssignableFrom<IOException>(refused);
    }

    [Fact]
    public async Task HoldAsync_AnotherServerHolds_RefusedAtOnce()
    {
        using var first = await LedgerWriterLock.HoldAsync(_folder, Cancel);
        first.Announce(["http://127.0.0.1:5080"]);
        var refused = await Assert.ThrowsAsync<LedgerInUseException>(() => LedgerWriterLock.HoldAsync(_folder, Cancel));
        Assert.Contains($"pid {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_ServerStops_StatusRemovedAndCommandsWriteAgain()
    {
        var server = await LedgerWriterLock.HoldAsync(_folder, Cancel);
        server.Announce(["http://127.0.0.1:5080"]);
        Assert.True(File.Exists(Path.Combine(_folder, LedgerWriterLock.StatusFile)));
        server.Dispose();

        Assert.False(File.Exists(Path.Combine(_folder, LedgerWriterLock.StatusFile)));
        using var command = LedgerWriterLock.Enter(_folder);
        Assert.False(command.IsExclusive);
    }

    [Fact]
    public async Task Enter_SeveralCommands_WriteSideBySideAndKeepAServerOut()
    {
        using var one = LedgerWriterLock.Enter(_folder);
        using var two = LedgerWriterLock.Enter(_folder);
        using var waiting = new CancellationTokenSource();
        var server = LedgerWriterLock.HoldAsync(_folder, waiting.Token);

        // The server waits for the commands' writes (up to 30 s); it does not take the folder under them.
        Assert.False(server.IsCompleted);
        await waiting.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }

    [Fact]
    public void Enter_StatusLeftByAKilledServer_Ignored()
    {
        File.WriteAllText(Path.Combine(_folder, LedgerWriterLock.StatusFile), "{\"pid\": 1, \"urls\": [\"http://127.0.0.1:5080\"]}");
        using var command = LedgerWriterLock.Enter(_folder);
        Assert.False(command.IsExclusive);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
