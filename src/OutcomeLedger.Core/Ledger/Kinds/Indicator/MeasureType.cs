namespace OutcomeLedger.Core.Ledger;

/// <summary>The kind of quantity an indicator measures.</summary>
public enum MeasureType
{
    Count,
    Amount,
    Percent,
    Rate,
}
