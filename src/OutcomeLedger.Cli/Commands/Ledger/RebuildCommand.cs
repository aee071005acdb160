using System.CommandLine;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Cli.Commands.Ledger;

/// <summary><c>outcomes ledger rebuild</c>: replays the log and replaces the projection tables with what it gives.</summary>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild", "Rebuild the projection tables from the log (the log is never changed)");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var checkpoint = await ledger.Store.GetLatestCheckpointAsync(ct);
            var size = checkpoint?.Size ?? 0;
            var rebuilt = await LedgerReplay.RebuildProjectionAsync(ledger.Store, size, ct);
            var live = new List<ProjectionRow>();
            await foreach (var row in ledger.Store.ReadAllAsync(Projection.Schema, ct))
            {
                live.Add(row);
            }

            await ledger.Store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, rebuilt, ct);
            var changed = Differences(live, rebuilt);
            if (context.Json)
            {
                context.WriteJson(new { entries = size, rows = rebuilt.Count, rowsThatDiffered = changed });
            }
            else
            {
                context.Output.WriteLine($"Rebuilt {rebuilt.Count} projection rows from {size} entries ({changed} differed from the live projection).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    static int Differences(IReadOnlyList<ProjectionRow> live, IReadOnlyList<ProjectionRow> rebuilt)
    {
        var a = live.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var b = rebuilt.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        return a.Count + b.Count - (2 * a.Intersect(b).Count());
    }
}
