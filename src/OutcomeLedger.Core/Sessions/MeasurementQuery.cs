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

    /// <summary>An indicator's values newest period first (each period's series, and a value before its correction, in order), as its dashboard page lists them.</summary>
    public bool NewestFirst { get; init; }
}
