using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>policy</c>: an agreement's evaluation policy, logged so the rules cannot change silently. A later policy for the
/// same agreement replaces the earlier one from its log position on.
/// </summary>
public sealed class PolicyRecordKind : RecordKind<PolicyRecord>
{
    static readonly string[] Statuses = ["self-reported", "acknowledged", "disputed", "verified", "verification-failed", "resolved"];

    internal PolicyRecordKind()
    {
    }

    public override string Name => "policy";

    public override string Collection => "policies";

    public override Writers Writers => Writers.Operator;

    public static ProjectionTable Table { get; } = new("policies", [ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("agreement")], ["agreement"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    internal override void Check(PolicyRecord record, RuleContext rules)
    {
        rules.RequireOperator("an evaluation policy");
        rules.RequireAgreement("agreement", record.Agreement);
        var policy = record.Policy;
        foreach (var (list, name) in new[] { (policy.CountsTowardMet, "policy.countsTowardMet"), (policy.CountsTowardTrend, "policy.countsTowardTrend") })
        {
            foreach (var status in list.Where(s => !Statuses.Contains(s)))
            {
                rules.Fail(name, $"'{status}' is not a verification status ({string.Join(", ", Statuses)})");
            }
        }

        if (policy.MinVerifiedShare is < 0 or > 1)
        {
            rules.Fail("policy.minVerifiedShare", "must be between 0 and 1");
        }

        if (policy.SignificantChange is <= 0 or > 1)
        {
            rules.Fail("policy.significantChange", "must be above 0 and at most 1");
        }

        if (policy.MinPeriodsBefore is < 3 or > 240 || policy.MinPeriodsAfter is < 1 or > 240)
        {
            rules.Fail("policy.minPeriodsBefore", "minimum series lengths must be 3..240 before and 1..240 after");
        }

        if (policy.ConfidenceLevel is not (0.8m or 0.9m or 0.95m or 0.99m))
        {
            rules.Fail("policy.confidenceLevel", "must be 0.8, 0.9, 0.95 or 0.99");
        }

        if (policy.Rollup is not ("worst" or "all-met"))
        {
            rules.Fail("policy.rollup", "must be 'worst' or 'all-met'");
        }

        if (policy.DisputeResolvers is { } resolvers)
        {
            rules.Items("policy.disputeResolvers", resolvers);
            for (var i = 0; i < resolvers.Count; i++)
            {
                if (rules.State.FindParty(resolvers[i]) is not { } party)
                {
                    rules.Fail($"policy.disputeResolvers[{i}]", $"party '{resolvers[i]}' is not registered");
                }
                else if (party.Role != PartyRole.Verifier)
                {
                    rules.Fail($"policy.disputeResolvers[{i}]", $"party '{party.Id}' is a {party.Role.ToString().ToLowerInvariant()}; only an independent verifier decides disputes");
                }
            }
        }

        if (policy.Verifiers is { } verifiers)
        {
            rules.Items("policy.verifiers", verifiers);
            for (var i = 0; i < verifiers.Count; i++)
            {
                if (rules.State.FindParty(verifiers[i]) is not { } party)
                {
                    rules.Fail($"policy.verifiers[{i}]", $"party '{verifiers[i]}' is not registered");
                }
                else if (party.Role != PartyRole.Verifier)
                {
                    rules.Fail($"policy.verifiers[{i}]", $"party '{party.Id}' is a {party.Role.ToString().ToLowerInvariant()}; only an independent verifier's checks are named here (a party acknowledges or disputes)");
                }
            }
        }

        if (policy.ResetStatements is { } resets)
        {
            rules.Items("policy.resetStatements", resets);
            for (var i = 0; i < resets.Count; i++)
            {
                if (rules.State.FindStatement(resets[i]) is null)
                {
                    rules.Fail($"policy.resetStatements[{i}]", $"statement '{resets[i]}' does not exist");
                }
            }
        }
    }

    internal override void Apply(PolicyRecord policy, ulong index, Hash leafHash, LedgerState state)
    {
        state.AddPolicy(new(policy, index, leafHash));
        state.AddTerms(new TermsState(index, policy.Kind, policy.Agreement, policy.Author, null));
    }

    internal override IEnumerable<ProjectionRow> Project(PolicyRecord policy, ulong index, LedgerState state)
    {
        yield return Table.Row((long)index, policy.Agreement.Value);
    }

    internal override void Needs(PolicyRecord policy, StateNeeds needs)
    {
        needs.PoliciesOf(policy.Agreement);
        foreach (var statement in policy.Policy.ResetStatements ?? [])
        {
            needs.Statement(statement);
        }
    }

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(PolicyRecord policy, LedgerState state) =>
        state.FindPolicies(policy.Agreement)?.All.Select(p => (p.Index, p.LeafHash)) ?? [];
}
