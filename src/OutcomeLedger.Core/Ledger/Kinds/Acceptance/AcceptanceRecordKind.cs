using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>acceptance</c>: a party of the agreement (or the reporter an indicator names) accepts the terms of a commitment,
/// an indicator or a policy another logged. Once, and never its own: its author proposed them.
/// </summary>
public sealed class AcceptanceRecordKind : RecordKind<AcceptanceRecord>
{
    internal AcceptanceRecordKind()
    {
    }

    public override string Name => "acceptance";

    public override string Collection => "acceptances";

    public override Writers Writers => Writers.Party | Writers.Verifier;

    /// <summary>Every acceptance and objection, by the entry it answers: shared with <see cref="ObjectionRecordKind"/>.</summary>
    public static ProjectionTable Table { get; } = new("terms_responses",
        [ProjectionColumn.Integer("log_index"), ProjectionColumn.Integer("entry"), ProjectionColumn.Text("author"), ProjectionColumn.Text("kind")],
        ["entry"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    internal override void Check(AcceptanceRecord acceptance, RuleContext rules)
    {
        if (RequireTerms(acceptance.Entry, acceptance.Author, rules, "accept", policiesToo: true) is { } terms && terms.IsAcceptedBy(acceptance.Author))
        {
            rules.Fail("entry", $"party '{acceptance.Author}' already accepted entry {acceptance.Entry}");
        }

        rules.OptionalText("note", acceptance.Note, RuleContext.MaxText);
    }

    /// <summary>
    /// The terms entry <paramref name="entry"/> proposed, when <paramref name="author"/> may answer them: a party to
    /// their agreement or the reporter the indicator names, and not their proposer. Shared with objections.
    /// </summary>
    internal static TermsState? RequireTerms(ulong entry, PartyId author, RuleContext rules, string verb, bool policiesToo)
    {
        if (rules.State.FindTerms(entry) is not { } terms || (!policiesToo && terms.Kind == "policy"))
        {
            rules.Fail("entry", $"entry {entry} is not {(policiesToo ? "a commitment, an indicator or a policy" : "a commitment or an indicator")}");
            return null;
        }

        if (terms.Proposer == author)
        {
            rules.Fail("author", $"party '{author}' proposed entry {entry}; a party cannot {verb} its own terms (log new terms instead)");
            return null;
        }

        var agreement = rules.State.FindAgreement(terms.Agreement)!.Record;
        if (!agreement.Parties.Contains(author) && terms.Reporter != author)
        {
            rules.Fail("author", $"party '{author}' is neither a party to agreement '{agreement.Id}' nor the reporter entry {entry} names, and cannot {verb} its terms");
            return null;
        }

        return terms;
    }

    internal override void Apply(AcceptanceRecord acceptance, ulong index, Hash leafHash, LedgerState state) =>
        state.FindTerms(acceptance.Entry)!.Acceptances.Add(new(acceptance, index, leafHash));

    internal override IEnumerable<ProjectionRow> Project(AcceptanceRecord acceptance, ulong index, LedgerState state)
    {
        yield return Table.Row((long)index, (long)acceptance.Entry, acceptance.Author.Value, acceptance.Kind);
    }

    internal override void Needs(AcceptanceRecord acceptance, StateNeeds needs) => needs.Terms(acceptance.Entry);

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(AcceptanceRecord acceptance, LedgerState state) =>
        state.FindTerms(acceptance.Entry)?.Acceptances.Select(a => (a.Index, a.LeafHash)) ?? [];
}
