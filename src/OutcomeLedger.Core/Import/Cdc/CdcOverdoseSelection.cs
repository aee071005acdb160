namespace OutcomeLedger.Core.Import.Cdc;

/// <summary>
/// Which VSRR rows make a series: one jurisdiction (<c>US</c> for the national figure; null for every
/// jurisdiction, each observation then carrying a <c>state</c> dimension), one indicator, and the reported or
/// predicted value. A state or indicator that matches no row is an error.
/// </summary>
public sealed record CdcOverdoseSelection(string? State, string Indicator, CdcValueKind ValueKind = CdcValueKind.Reported)
{
    public const string UnitedStates = "US";

    public const string SyntheticOpioidsIndicator = "Synthetic opioids, excl. methadone (T40.4)";

    /// <summary>National deaths involving synthetic opioids other than methadone (mostly fentanyl), reported values.</summary>
    public static CdcOverdoseSelection UnitedStatesSyntheticOpioids { get; } = new(UnitedStates, SyntheticOpioidsIndicator);
}
