namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// What checking some records will look up in the state, collected from their kinds before the checks, so that a
/// state loaded on demand can load all of it from the projection at once (a few queries a batch, not one a lookup).
/// Parties and their keys are always loaded; everything else is named here.
/// </summary>
public sealed class StateNeeds
{
    internal HashSet<AgreementId> Agreements { get; } = [];

    internal HashSet<AgreementId> Policies { get; } = [];

    internal HashSet<StatementId> Statements { get; } = [];

    internal HashSet<CommitmentId> Commitments { get; } = [];

    internal HashSet<IndicatorId> Indicators { get; } = [];

    internal HashSet<ulong> Measurements { get; } = [];

    internal HashSet<string> Series { get; } = new(StringComparer.Ordinal);

    internal HashSet<ulong> TermsEntries { get; } = [];

    public bool IsEmpty => Agreements.Count + Policies.Count + Statements.Count + Commitments.Count + Indicators.Count + Measurements.Count + Series.Count + TermsEntries.Count == 0;

    public void Agreement(AgreementId id) => Agreements.Add(id);

    /// <summary>The policies logged for an agreement (and the agreement).</summary>
    public void PoliciesOf(AgreementId id)
    {
        Policies.Add(id);
        Agreements.Add(id);
    }

    public void Statement(StatementId id) => Statements.Add(id);

    /// <summary>A commitment, the agreement it is under and the policies logged for that agreement.</summary>
    public void Commitment(CommitmentId id) => Commitments.Add(id);

    /// <summary>An indicator, with its commitment, the commitment's agreement and the policies logged for it.</summary>
    public void Indicator(IndicatorId id) => Indicators.Add(id);

    /// <summary>
    /// A measurement by log index, with its attestations and its context: its whole series (the value's history, with
    /// attestations), its indicator, the indicator's commitment and agreement, and the policies logged for that agreement.
    /// </summary>
    public void Measurement(ulong index) => Measurements.Add(index);

    /// <summary>Every measurement of a series (<see cref="MeasurementState.Key"/>), with their attestations.</summary>
    public void SeriesOf(string seriesKey) => Series.Add(seriesKey);

    /// <summary>The terms a commitment, indicator or policy entry (by log index) proposed, with their agreement and answers.</summary>
    public void Terms(ulong index) => TermsEntries.Add(index);

    /// <summary>What the records' kinds need, together.</summary>
    public static StateNeeds Of(IEnumerable<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var needs = new StateNeeds();
        foreach (var record in records)
        {
            RecordKinds.Of(record).NeedsOf(record, needs);
        }

        return needs;
    }
}
