namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// An evaluation of one agreement at one checkpoint: the model behind the scorecard JSON (docs/scorecard-schema.md),
/// from which the Markdown and HTML renderings are made without computing anything again.
/// </summary>
public sealed record Scorecard
{
    /// <summary>The schema identifier of this version of the JSON.</summary>
    public const string CurrentSchema = "outcomeledger-scorecard/1";

    public string Schema { get; init; } = CurrentSchema;

    public required ScorecardCheckpoint Checkpoint { get; init; }

    /// <summary>The date of the latest entry in the evaluated log prefix: the scorecard's "as of" date (never the clock).</summary>
    public required DateOnly AsOf { get; init; }

    public required ScorecardAgreement Agreement { get; init; }

    public required ScorecardPolicy Policy { get; init; }

    public required IReadOnlyList<ScorecardCommitment> Commitments { get; init; }

    /// <summary>
    /// Every log entry the scorecard references, each once, in index order: what a verifier proves included in the
    /// checkpoint before comparing a recomputed scorecard byte for byte.
    /// </summary>
    public IReadOnlyList<EntryRef> ReferencedEntries()
    {
        var entries = new Dictionary<ulong, EntryRef>();
        void Add(EntryRef? entry)
        {
            if (entry is not null)
            {
                entries.TryAdd(entry.Index, entry);
            }
        }

        Add(Agreement.Entry);
        Add(Policy.Entry);
        foreach (var commitment in Commitments)
        {
            Add(commitment.Entry);
            foreach (var statement in commitment.Statements)
            {
                Add(statement.Entry);
            }

            foreach (var indicator in commitment.Indicators)
            {
                Add(indicator.Entry);
                Add(indicator.Paired?.Entry);
                foreach (var point in indicator.Series.SelectMany(s => s.Points))
                {
                    Add(point.Entry);
                    foreach (var attestation in point.Attestations)
                    {
                        Add(attestation.Entry);
                    }

                    foreach (var correction in point.Corrects)
                    {
                        Add(correction.Entry);
                    }
                }
            }
        }

        return [.. entries.Values.OrderBy(e => e.Index)];
    }
}
