using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>Which measurements to list: an indicator's, optionally of one period or one reporter, current only unless asked.</summary>
public sealed record MeasurementQuery
{
    public IndicatorId? Indicator { get; init; }

    public Period? Period { get; init; }

    public PartyId? Author { get; init; }

    /// <summary>Include values a correction superseded.</summary>
    public bool IncludeSuperseded { get; init; }
}
