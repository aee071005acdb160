using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>commitment</c>: a promise under an agreement, drawn from statements already logged, by a member party or the
/// operator. It cannot be dated before the first statement that makes it.
/// </summary>
public sealed class CommitmentRecordKind : RecordKind<CommitmentRecord>
{
    internal CommitmentRecordKind()
    {
    }

    public override string Name => "commitment";

    public override string Collection => "commitments";

    public override Writers Writers => Writers.Operator | Writers.Party;

    public static ProjectionTable Table { get; } = new("commitments", [ProjectionColumn.Text("id"), ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("agreement")], ["agreement"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    internal override void Check(CommitmentRecord commitment, RuleContext rules)
    {
        var state = rules.State;
        rules.Slug("id", commitment.Id.Value);
        if (state.FindCommitment(commitment.Id) is not null)
        {
            rules.Fail("id", $"commitment '{commitment.Id}' already exists");
        }

        if (rules.RequireAgreement("agreement", commitment.Agreement) is { } agreement)
        {
            rules.RequireMemberOrOperator(agreement.Record, "a commitment");
            for (var i = 0; i < commitment.ResponsibleParties.Count; i++)
            {
                if (!agreement.Record.Parties.Contains(commitment.ResponsibleParties[i]))
                {
                    rules.Fail($"responsibleParties[{i}]", $"party '{commitment.ResponsibleParties[i]}' is not a party to agreement '{commitment.Agreement}'");
                }
            }
        }

        rules.Text("text", commitment.Text, RuleContext.MaxText);
        rules.Items("responsibleParties", commitment.ResponsibleParties);
        rules.Items("statements", commitment.Statements);
        var dates = new List<DateOnly>();
        for (var i = 0; i < commitment.Statements.Count; i++)
        {
            if (state.FindStatement(commitment.Statements[i]) is not { } statement)
            {
                rules.Fail($"statements[{i}]", $"statement '{commitment.Statements[i]}' does not exist");
            }
            else
            {
                dates.Add(statement.Record.Date);
            }
        }

        // Later statements may repeat a commitment; it cannot have been made before anyone said it.
        if (dates.Count > 0 && dates.Min() > commitment.MadeOn)
        {
            rules.Fail("madeOn", $"the commitment is dated {commitment.MadeOn:yyyy-MM-dd}, before the first statement that makes it ({dates.Min():yyyy-MM-dd})");
        }

        if (commitment.DueDate is { } due && due < commitment.MadeOn)
        {
            rules.Fail("dueDate", "the due date is before the commitment was made");
        }
    }

    internal override void Apply(CommitmentRecord commitment, ulong index, Hash leafHash, LedgerState state)
    {
        state.AddCommitment(new(commitment, index, leafHash));
        state.AddTerms(new TermsState(index, commitment.Kind, commitment.Agreement, commitment.Author, null));
    }

    internal override IEnumerable<ProjectionRow> Project(CommitmentRecord commitment, ulong index, LedgerState state)
    {
        yield return Table.Row(commitment.Id.Value, (long)index, commitment.Agreement.Value);
    }

    internal override void Needs(CommitmentRecord commitment, StateNeeds needs)
    {
        needs.Commitment(commitment.Id);
        needs.PoliciesOf(commitment.Agreement);
        foreach (var statement in commitment.Statements)
        {
            needs.Statement(statement);
        }
    }

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(CommitmentRecord commitment, LedgerState state) =>
        EntryOf(state.FindCommitment(commitment.Id));
}
