namespace OutcomeLedger.Core.Import.Cbp;

/// <summary>Which CBP figure a series sums.</summary>
public enum CbpMeasure
{
    /// <summary>"Sum Qty (lbs)": pounds seized.</summary>
    Pounds,

    /// <summary>"Count of Event": seizure events.</summary>
    EventCount,
}
