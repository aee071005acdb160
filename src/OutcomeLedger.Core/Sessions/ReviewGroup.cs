using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// Values of one indicator over a run of consecutive periods (<see cref="From"/> to <see cref="To"/>) awaiting a party's
/// attestation, newest first, with the sources they cite and what acknowledging them would change (<see cref="Effect"/>).
/// </summary>
public sealed record ReviewGroup(IndicatorRecord Indicator, Period From, Period To, IReadOnlyList<MeasurementState> Values, ReviewEffect Effect)
{
    /// <summary>The distinct sources the values cite (dataset, address, file and its hash; not the line).</summary>
    public IReadOnlyList<MeasurementSource> Sources { get; } = [.. Values.Select(v => v.Record.Source with { Line = null }).Distinct()];
}
