using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>attestation</c>: a verdict on a measurement by someone other than its reporter. The counterparty acknowledges
/// or disputes (with its own figure); only a verifier verifies. A dispute belongs to the value's history and survives
/// its corrections (<see cref="ValueHistory"/>): only its disputer withdraws it (or ends it by acknowledging), and a
/// resolution is agreed by both sides of it (the reporter too, the one verdict it gives on its own value) or decided by
/// a verifier the policy names.
/// </summary>
public sealed class AttestationRecordKind : RecordKind<AttestationRecord>
{
    internal AttestationRecordKind()
    {
    }

    public override string Name => "attestation";

    public override string Collection => "attestations";

    public override Writers Writers => Writers.Anyone;

    public static ProjectionTable Table { get; } = new("attestations",
        [ProjectionColumn.Integer("log_index"), ProjectionColumn.Integer("measurement"), ProjectionColumn.Text("author"), ProjectionColumn.Text("verdict")],
        ["measurement"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    /// <summary>A verdict of the signed-in party on a measurement, by its entry.</summary>
    public override RecordForm Form { get; } = new(
        [
            new("measurement", FormFieldType.EntryIndex, Required: true), new("verdict", FormFieldType.Choice, Required: true, typeof(Verdict)),
            new("figure", FormFieldType.Decimal), new("reason", FormFieldType.Text),
        ],
        (form, party, now) => new AttestationRecord
        {
            Author = party,
            RecordedAt = now,
            Measurement = form.Index("measurement", required: true) ?? 0,
            Verdict = form.Choice<Verdict>("verdict"),
            Figure = form.Decimal("figure", required: false),
            Reason = form.Optional("reason"),
        });

    internal override void Check(AttestationRecord attestation, RuleContext rules)
    {
        var author = rules.RequiredAuthor;
        var state = rules.State;
        if (state.FindMeasurement(attestation.Measurement) is not { } measurement)
        {
            rules.Fail("measurement", $"entry {attestation.Measurement} is not a measurement");
            return;
        }

        // Disputes belong to the value's history (its corrections included): the rules read it at its latest value.
        var history = ValueHistory.Of(ValueHistory.Latest(measurement, state));
        var indicator = state.FindIndicator(measurement.Record.Indicator)?.Record;
        if (IsOwnValue(measurement.Record, attestation.Author, attestation.Verdict))
        {
            rules.Fail("author", $"party '{attestation.Author}' reported entry {attestation.Measurement} and cannot attest to its own measurement (its one word on it is agreeing a resolution)");
            return;
        }

        switch (attestation.Verdict)
        {
            case Verdict.Acknowledged:
                if (author.Role == PartyRole.Operator)
                {
                    rules.Fail("verdict", "acknowledgement comes from a party or a verifier, not the operator");
                }

                break;
            case Verdict.Disputed:
                CheckDispute(attestation, author, history, rules);
                break;
            case Verdict.Verified:
            case Verdict.VerificationFailed:
                if (author.Role != PartyRole.Verifier)
                {
                    rules.Fail("verdict", $"only an independent verifier can record '{(attestation.Verdict == Verdict.Verified ? "verified" : "verification-failed")}'; party '{author.Id}' is a {author.Role.ToString().ToLowerInvariant()}");
                }
                else if (PolicyOf(measurement, state) is { Verifiers: { } named } policy && !policy.CountsVerifier(author.Id))
                {
                    rules.Fail("author", $"verifier '{author.Id}' is not one of the verifiers whose checks the policy counts ({string.Join(", ", named.Select(v => $"'{v}'"))})");
                }

                break;
            case Verdict.Resolved:
                CheckResolution(attestation, author, history, PolicyOf(measurement, state), rules);
                break;
            case Verdict.Withdrawn:
                CheckWithdrawal(attestation, history, rules);
                break;
        }

        if (attestation.Figure is { } figure && indicator is not null)
        {
            MeasurementRecordKind.CheckValue("figure", figure, indicator, rules);
        }

        if (attestation.Verdict is Verdict.Disputed or Verdict.VerificationFailed or Verdict.Resolved && string.IsNullOrWhiteSpace(attestation.Reason))
        {
            rules.Fail("reason", "this verdict states its reason");
        }

        rules.OptionalText("reason", attestation.Reason, RuleContext.MaxText);
        rules.Evidence(attestation.Evidence);
    }

    /// <summary>
    /// Whether <paramref name="author"/> would be attesting to a value it reported itself, which no verdict but agreeing a
    /// resolution may do (the rule the bulk attestations check first, so they refuse before signing anything).
    /// </summary>
    internal static bool IsOwnValue(MeasurementRecord measurement, PartyId author, Verdict verdict) =>
        measurement.Author == author && verdict != Verdict.Resolved;

    static void CheckDispute(AttestationRecord attestation, PartyState author, ValueHistory history, RuleContext rules)
    {
        if (author.Role == PartyRole.Operator)
        {
            rules.Fail("verdict", "a dispute comes from a party or a verifier, not the operator");
        }

        if (attestation.Figure is null)
        {
            rules.Fail("figure", "a dispute states the attester's own figure");
        }

        // A resolution is final for the value it settled; a correction of it is a new value, open to dispute.
        if (history.Resolution is { } resolution)
        {
            rules.Fail("verdict", $"the dispute on entry {attestation.Measurement}'s value was resolved by entry {resolution.Index}; a resolved value is not disputed again (a correction of it can be)");
        }
    }

    static void CheckWithdrawal(AttestationRecord attestation, ValueHistory history, RuleContext rules)
    {
        if (attestation.Figure is not null)
        {
            rules.Fail("figure", "a withdrawal states no figure: the value reported stands");
        }

        if (history.OpenDisputeOf(attestation.Author) is not null)
        {
            return;
        }

        rules.Fail("verdict", history.OpenDisputes switch
        {
            [] => $"entry {attestation.Measurement} has no open dispute to withdraw",
            var open => $"only the disputer withdraws a dispute: the open dispute on entry {attestation.Measurement}'s value is {Disputers(open)}, not party '{attestation.Author}''s",
        });
    }

    // Both sides of a dispute settle it by stating the same figure (the first to state it proposes); a verifier the
    // policy names decides it alone. The operator and parties outside the dispute do neither.
    static void CheckResolution(AttestationRecord attestation, PartyState author, ValueHistory history, EvaluationPolicy policy, RuleContext rules)
    {
        if (attestation.Figure is null)
        {
            rules.Fail("figure", "a resolution states the figure that stands");
        }

        if (history.OpenDisputes is not { Count: > 0 } open)
        {
            rules.Fail("verdict", history.LatestResolution is { } done
                ? $"the dispute on entry {attestation.Measurement}'s value was already resolved by entry {done.Index}; a resolved dispute is not resolved again"
                : $"entry {attestation.Measurement} is not disputed");
            return;
        }

        if (author.Id == history.Reporter || history.OpenDisputeOf(author.Id) is not null)
        {
            return;
        }

        var sides = $"party '{history.Reporter}' reported it; {Disputers(open)}";
        switch (author.Role)
        {
            case PartyRole.Operator:
                rules.Fail("verdict", $"a dispute is resolved by both its sides ({sides}) or by a verifier the policy names, not by the operator");
                break;
            case PartyRole.Party:
                rules.Fail("verdict", $"party '{author.Id}' is not a side of the dispute on entry {attestation.Measurement}'s value ({sides}); a resolution is agreed by both sides or decided by a verifier the policy names");
                break;
            case PartyRole.Verifier when !policy.MayResolveDisputes(author.Id):
                rules.Fail("verdict", $"verifier '{author.Id}' is not named by the policy to decide disputes (it names {string.Join(", ", policy.DisputeResolvers!.Select(v => $"'{v}'"))})");
                break;
        }
    }

    static string Disputers(IReadOnlyList<Logged<AttestationRecord>> open) =>
        string.Join(" and ", open.Select(d => $"party '{d.Record.Author}''s (entry {d.Index})"));

    /// <summary>The policy in force for the agreement the measurement's indicator is under, or the default one.</summary>
    static EvaluationPolicy PolicyOf(MeasurementState measurement, LedgerState state) =>
        state.FindIndicator(measurement.Record.Indicator)?.Record is { } indicator
        && state.FindCommitment(indicator.Commitment)?.Record is { } commitment
        && state.FindPolicy(commitment.Agreement)?.Record.Policy is { } policy
            ? policy
            : new EvaluationPolicy();

    internal override void Apply(AttestationRecord attestation, ulong index, Hash leafHash, LedgerState state) =>
        state.FindMeasurement(attestation.Measurement)!.Attestations.Add(new(attestation, index, leafHash));

    internal override IEnumerable<ProjectionRow> Project(AttestationRecord attestation, ulong index, LedgerState state)
    {
        yield return Table.Row((long)index, (long)attestation.Measurement, attestation.Author.Value, ProjectionNames.Of(attestation.Verdict));
    }

    internal override void Needs(AttestationRecord attestation, StateNeeds needs) => needs.Measurement(attestation.Measurement);

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(AttestationRecord attestation, LedgerState state) =>
        state.FindMeasurement(attestation.Measurement)?.Attestations.Select(a => (a.Index, a.LeafHash)) ?? [];
}
