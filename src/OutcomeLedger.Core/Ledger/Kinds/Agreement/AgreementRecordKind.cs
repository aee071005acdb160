using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary><c>agreement</c>: a set of commitments between registered parties, recorded by the operator.</summary>
public sealed class AgreementRecordKind : RecordKind<AgreementRecord>
{
    internal AgreementRecordKind()
    {
    }

    public override string Name => "agreement";

    public override string Collection => "agreements";

    public override Writers Writers => Writers.Operator;

    public static ProjectionTable Table { get; } = new("agreements", [ProjectionColumn.Text("id"), ProjectionColumn.Integer("log_index")]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    internal override void Check(AgreementRecord agreement, RuleContext rules)
    {
        rules.RequireOperator("an agreement");
        rules.Slug("id", agreement.Id.Value);
        if (rules.State.FindAgreement(agreement.Id) is not null)
        {
            rules.Fail("id", $"agreement '{agreement.Id}' already exists");
        }

        rules.Text("title", agreement.Title, RuleContext.MaxShortText);
        rules.Items("parties", agreement.Parties);
        rules.RequireParties("parties", agreement.Parties);
    }

    internal override void Apply(AgreementRecord agreement, ulong index, Hash leafHash, LedgerState state) =>
        state.AddAgreement(new(agreement, index, leafHash));

    internal override IEnumerable<ProjectionRow> Project(AgreementRecord agreement, ulong index, LedgerState state)
    {
        yield return Table.Row(agreement.Id.Value, (long)index);
    }

    internal override void Needs(AgreementRecord agreement, StateNeeds needs) => needs.Agreement(agreement.Id);

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(AgreementRecord agreement, LedgerState state) =>
        EntryOf(state.FindAgreement(agreement.Id));
}
