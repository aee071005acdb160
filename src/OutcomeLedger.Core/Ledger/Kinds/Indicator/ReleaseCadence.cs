namespace OutcomeLedger.Core.Ledger;

/// <summary>How often the source publishes a new release of the indicator's data.</summary>
public enum ReleaseCadence
{
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}
