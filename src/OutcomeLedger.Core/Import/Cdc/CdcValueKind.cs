namespace OutcomeLedger.Core.Import.Cdc;

/// <summary>Which VSRR figure to read.</summary>
public enum CdcValueKind
{
    /// <summary><c>data_value</c>: deaths reported so far.</summary>
    Reported,

    /// <summary><c>predicted_value</c>: CDC's estimate adjusted for reporting delays.</summary>
    Predicted,
}
