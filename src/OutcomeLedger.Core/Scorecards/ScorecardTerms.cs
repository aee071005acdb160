using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Where the terms of a commitment or an indicator stand: agreed once every party the agreement names accepted them
/// (the proposer accepts by proposing); until then "proposed by X, not accepted by Y". The rating still uses proposed
/// terms; every rendering says they are proposed, and shows the objections that stand beside them.
/// </summary>
public sealed record ScorecardTerms
{
    /// <summary>True when every party of the agreement accepted the terms.</summary>
    public required bool Agreed { get; init; }

    /// <summary>The party that proposed the terms (the entry's author).</summary>
    public required string ProposedBy { get; init; }

    /// <summary>The parties of the agreement that have not accepted the terms yet, in the agreement's order.</summary>
    public required IReadOnlyList<string> AwaitingFrom { get; init; }

    /// <summary>The objections that stand: those whose author has not accepted the terms since.</summary>
    public required IReadOnlyList<ScorecardObjection> Objections { get; init; }

    /// <summary>Where <paramref name="terms"/> stand among <paramref name="parties"/>, the parties of their agreement.</summary>
    public static ScorecardTerms Of(TermsState terms, IEnumerable<PartyId> parties)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var awaiting = terms.AwaitingFrom(parties);
        return new ScorecardTerms
        {
            Agreed = awaiting.Count == 0,
            ProposedBy = terms.Proposer.Value,
            AwaitingFrom = [.. awaiting.Select(p => p.Value)],
            Objections = [.. terms.OpenObjections.Select(o => new ScorecardObjection
            {
                Author = o.Record.Author.Value,
                Reason = o.Record.Reason,
                Entry = EntryRef.Of(o),
            })],
        };
    }
}

/// <summary>A party's standing objection to terms, with its reason.</summary>
public sealed record ScorecardObjection
{
    public required string Author { get; init; }

    public required string Reason { get; init; }

    public required EntryRef Entry { get; init; }
}
