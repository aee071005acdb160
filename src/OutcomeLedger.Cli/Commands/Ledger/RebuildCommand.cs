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
            var rows = new List<ProjectionRow>();
            var state = await LedgerReplay.LoadAsync(ledger.Store, checkpoint?.Size ?? 0, recheck: false,
                (leaf, record, replayed) => rows.AddRange(Projection.RowsFor(record, leaf.Index, replayed)), ct);
            var live = await ledger.Store.ReadProjectionAsync(ct);
            var rebuilt = Merge(rows);
            await ledger.Store.ReplaceProjectionAsync(rebuilt, ct);
            var changed = Differences(live, rebuilt);
            if (context.Json)
            {
                context.WriteJson(new { entries = state.Size, rows = rebuilt.Count, rowsThatDiffered = changed });
            }
            else
            {
                context.Output.WriteLine($"Rebuilt {rebuilt.Count} projection rows from {state.Size} entries ({changed} differed from the live projection).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Later rows for the same (table, key) replace earlier ones, as the upserts of the live projection do.</summary>
    internal static List<ProjectionRow> Merge(IEnumerable<ProjectionRow> rows)
    {
        var merged = new Dictionary<(string, string), ProjectionRow>();
        foreach (var row in rows)
        {
            merged[(row.Table, row.Key)] = row;
        }

        return [.. merged.Values];
    }

    static int Differences(IReadOnlyList<ProjectionRow> live, IReadOnlyList<ProjectionRow> rebuilt)
    {
        var a = live.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var b = rebuilt.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        return a.Count + b.Count - (2 * a.Intersect(b).Count());
    }
}
