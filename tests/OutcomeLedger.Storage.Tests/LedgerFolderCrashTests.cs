using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// Crash safety (issue 3): a child process ingests a long stream of signed entries into a ledger folder and is killed
/// with SIGKILL at many points, after a seeded number of acknowledgements or after a seeded delay. After every kill the
/// ledger must hold every acknowledged entry at its index, verify, have a latest checkpoint consistent with every
/// checkpoint seen before, and a projection equal to a rebuild from the log.
/// </summary>
public abstract class LedgerFolderCrashTests : IAsyncDisposable
{
    const string Origin = "crash.example/log";
    const int Entries = 2400;
    const int MaxBatch = 150;

    protected abstract StoreEngine Engine { get; }

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(1)]
    public async Task Ingest_KilledAtManyPoints_KeepsEveryAcknowledgedEntry(int seed)
    {
        var folder = Path.Combine(Engine.Folder, "ledger");
        await using (await LedgerFolder.CreateAsync(folder, Origin, await Engine.LedgerDatabaseAsync("ledger", Cancel), Cancel))
        {
        }

        var random = new Random(seed);
        var acknowledged = new Dictionary<ulong, Hash>();
        var checkpoints = new List<(ulong Size, Hash Root)>();
        var kills = 0;
        for (var run = 0; run < 10; run++)
        {
            // Half the kills come after a seeded number of acknowledgements, half after a seeded delay (or 150
            // acknowledgements, whichever is first, so the stream cannot end before the last kill).
            var afterAcks = run % 2 == 0 ? random.Next(1, 300) : 150;
            var afterDelay = run % 2 == 1 ? TimeSpan.FromMilliseconds(random.Next(50, 1000)) : (TimeSpan?)null;
            var outcome = await RunHostAsync(folder, seed, afterAcks, afterDelay, acknowledged, checkpoints);
            Assert.False(outcome.Done);
            kills++;
            await AssertRecoveredAsync(folder, acknowledged, checkpoints);
        }

        var final = await RunHostAsync(folder, seed, null, null, acknowledged, checkpoints);
        Assert.True(final.Done, "the host did not finish the stream after the crashes");
        Assert.Equal(10, kills);
        Assert.Equal(Entries, acknowledged.Count);
        await AssertRecoveredAsync(folder, acknowledged, checkpoints);
    }

    static async Task AssertRecoveredAsync(string folder, Dictionary<ulong, Hash> acknowledged, List<(ulong Size, Hash Root)> checkpoints)
    {
        await using var ledger = await LedgerFolder.OpenAsync(folder, Cancel);
        var store = ledger.Store;
        var latest = await store.GetLatestCheckpointAsync(Cancel);
        var size = latest?.Size ?? 0;
        var leaves = size == 0 ? [] : await store.ReadLeavesAsync(0, (int)size, Cancel);
        foreach (var (index, hash) in acknowledged)
        {
            Assert.True(index < size, $"acknowledged entry {index} is beyond the latest checkpoint ({size})");
            Assert.Equal(hash, leaves[(int)index].LeafHash);
        }

        var verification = await LogVerifier.VerifyAsync(store, ledger.LogVerifierKey.CreateVerifier(), null, Cancel);
        Assert.True(verification.IsValid, verification.FirstFailure);
        Assert.Equal(size, verification.Entries);

        if (latest is not null)
        {
            var tree = await StoredTree.ReadAsync(store, latest.Size, Cancel);
            foreach (var seen in checkpoints)
            {
                var check = StoredTree.Consistency(tree, seen, (latest.Size, latest.Root));
                Assert.True(check.IsValid, $"the latest checkpoint ({latest.Size}) is not consistent with checkpoint {seen.Size} seen before the crash: {check}");
            }
        }

        var live = new List<string>();
        await foreach (var row in store.ReadAllAsync(Projection.Schema, Cancel))
        {
            live.Add(row.ToString());
        }

        live.Sort(StringComparer.Ordinal);
        var rebuilt = (await LedgerReplay.RebuildProjectionAsync(store, size, Cancel)).Select(r => r.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(rebuilt, live);
    }

    /// <summary>Runs the host until it finishes or is killed, recording every acknowledgement and checkpoint it printed.</summary>
    static async Task<(bool Killed, bool Done)> RunHostAsync(
        string folder, int seed, int? killAfterAcks, TimeSpan? killAfter, Dictionary<ulong, Hash> acknowledged, List<(ulong Size, Hash Root)> checkpoints)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "OutcomeLedger.Storage.CrashHost.dll"), folder, seed.ToString(CultureInfo.InvariantCulture), Entries.ToString(CultureInfo.InvariantCulture), MaxBatch.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        var done = false;
        var acks = 0;
        using var timer = killAfter is { } delay ? new Timer(_ => Kill(process), null, delay, Timeout.InfiniteTimeSpan) : null;
        while (await process.StandardOutput.ReadLineAsync(Cancel) is { } line)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                // A line cut short by the kill is not read as an acknowledgement (whole lines are written at once, but be strict).
                case "ack" when parts.Length == 3 && parts[2].Length == 2 * Hash.Size:
                    var index = ulong.Parse(parts[1], CultureInfo.InvariantCulture);
                    var hash = Hash.FromHex(parts[2]);
                    if (acknowledged.TryGetValue(index, out var earlier))
                    {
                        Assert.Equal(earlier, hash);
                    }

                    acknowledged[index] = hash;
                    if (++acks == killAfterAcks)
                    {
                        Kill(process);
                    }

                    break;
                case "checkpoint" when parts.Length == 3 && parts[2].Length == 2 * Hash.Size:
                    checkpoints.Add((ulong.Parse(parts[1], CultureInfo.InvariantCulture), Hash.FromHex(parts[2])));
                    break;
                case "done":
                    done = true;
                    break;
            }
        }

        await process.WaitForExitAsync(Cancel);
        // 128 + SIGKILL: killed by this test, not failed on its own.
        var killed = process.ExitCode == 137;
        Assert.True(done || killed, $"the host stopped by itself with exit code {process.ExitCode}: {await errors}");
        return (killed, done);
    }

    // Process.Kill sends SIGKILL on Unix: no finalizers, no flushes, no rollback by the process itself.
    static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It already exited.
        }
    }
}
