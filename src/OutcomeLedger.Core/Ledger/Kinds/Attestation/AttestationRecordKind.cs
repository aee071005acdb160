using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>attestation</c>: a verdict on a measurement by someone other than its reporter. The counterparty acknowledges
/// or disputes (with its own figure); only a verifier verifies; a dispute is resolved by a verifier or the operator.
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
        if (rules.State.FindMeasurement(attestation.Measurement) is not { } measurement)
        {
            rules.Fail("measurement", $"entry {attestation.Measurement} is not a measurement");
            return;
        }

        if (measurement.Record.Author == attestation.Author)
        {
            rules.Fail("author", $"party '{attestation.Author}' reported entry {attestation.Measurement} and cannot attest to its own measurement");
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
                if (author.Role == PartyRole.Operator)
                {
                    rules.Fail("verdict", "a dispute comes from a party or a verifier, not the operator");
                }

                if (attestation.Figure is null)
                {
                    rules.Fail("figure", "a dispute states the attester's own figure");
                }

                break;
            case Verdict.Verified:
            case Verdict.VerificationFailed:
                if (author.Role != PartyRole.Verifier)
                {
                    rules.Fail("verdict", $"only an independent verifier can record '{(attestation.Verdict == Verdict.Verified ? "verified" : "verification-failed")}'; party '{author.Id}' is a {author.Role.ToString().ToLowerInvariant()}");
                }

                break;
            case Verdict.Resolved:
                if (author.Role == PartyRole.Party)
                {
                    rules.Fail("verdict", "a dispute is resolved by a verifier or the operator, not by one of the parties");
                }

                if (attestation.Figure is null)
                {
                    rules.Fail("figure", "a resolution states the figure that stands");
                }

                if (!measurement.Attestations.Any(a => a.Record.Verdict == Verdict.Disputed))
                {
                    rules.Fail("verdict", $"entry {attestation.Measurement} is not disputed");
                }

                break;
        }

        if (attestation.Verdict is Verdict.Disputed or Verdict.VerificationFailed or Verdict.Resolved && string.IsNullOrWhiteSpace(attestation.Reason))
        {
            rules.Fail("reason", "this verdict states its reason");
        }

        rules.OptionalText("reason", attestation.Reason, RuleContext.MaxText);
        rules.Evidence(attestation.Evidence);
    }

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
