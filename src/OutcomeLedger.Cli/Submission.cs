using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli;

/// <summary>Signs records with the author's key and logs them through the ledger's sequencer.</summary>
internal static class Submission
{
    /// <summary>Now, to the second, as records carry it.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Signs and submits; a refused record becomes a check failure naming every field.</summary>
    public static async Task<IReadOnlyList<SubmitResult>> SubmitAsync(LedgerFolder ledger, IReadOnlyList<LedgerRecord> records, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var entries = records.Select(r => EntryCodec.Sign(r, key)).ToList();
        using var sequencer = await ledger.OpenSequencerAsync(cancellationToken);
        var results = await sequencer.SubmitAsync(entries, cancellationToken);
        var refused = results.Select((r, i) => (r, i)).Where(x => x.r.Status == SubmitStatus.Rejected).ToList();
        if (refused.Count > 0)
        {
            var (result, i) = refused[0];
            var more = refused.Count > 1 ? $" (and {refused.Count - 1} more refused)" : "";
            throw CliError.Check($"{records[i].Kind} refused: {string.Join("; ", result.Errors)}{more}");
        }

        return results;
    }

    public static string Describe(SubmitResult result) => result.Status == SubmitStatus.Duplicate
        ? $"already logged at entry {result.Index} (nothing added)"
        : $"logged at entry {result.Index}, checkpoint {result.CheckpointSize}";
}
