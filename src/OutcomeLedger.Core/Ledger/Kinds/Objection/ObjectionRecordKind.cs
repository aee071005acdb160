using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>objection</c>: a party of the agreement (or the reporter an indicator names) contests the terms of a commitment
/// or an indicator another logged, with its reason. Not after accepting them: an acceptance stands, and new terms are
/// logged as a new entry. An objection stands until its author accepts the terms.
/// </summary>
public sealed class ObjectionRecordKind : RecordKind<ObjectionRecord>
{
    internal ObjectionRecordKind()
    {
    }

    public override string Name => "objection";

    public override string Collection => "objections";

    public override Writers Writers => Writers.Party | Writers.Verifier;

    internal override void Check(ObjectionRecord objection, RuleContext rules)
    {
        if (AcceptanceRecordKind.RequireTerms(objection.Entry, objection.Author, rules, "contest", policiesToo: false) is { } terms)
        {
            if (terms.Acceptances.FirstOrDefault(a => a.Record.Author == objection.Author) is { } accepted)
            {
                rules.Fail("entry", $"party '{objection.Author}' accepted entry {objection.Entry} at entry {accepted.Index}; an acceptance stands (propose new terms instead)");
            }
            else if (terms.OpenObjections.Any(o => o.Record.Author == objection.Author))
            {
                rules.Fail("entry", $"party '{objection.Author}' already contests entry {objection.Entry}");
            }
        }

        rules.Text("reason", objection.Reason, RuleContext.MaxText);
        rules.Evidence(objection.Evidence);
    }

    internal override void Apply(ObjectionRecord objection, ulong index, Hash leafHash, LedgerState state) =>
        state.FindTerms(objection.Entry)!.Objections.Add(new(objection, index, leafHash));

    internal override IEnumerable<ProjectionRow> Project(ObjectionRecord objection, ulong index, LedgerState state)
    {
        yield return AcceptanceRecordKind.Table.Row((long)index, (long)objection.Entry, objection.Author.Value, objection.Kind);
    }

    internal override void Needs(ObjectionRecord objection, StateNeeds needs) => needs.Terms(objection.Entry);

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(ObjectionRecord objection, LedgerState state) =>
        state.FindTerms(objection.Entry)?.Objections.Select(o => (o.Index, o.LeafHash)) ?? [];
}
