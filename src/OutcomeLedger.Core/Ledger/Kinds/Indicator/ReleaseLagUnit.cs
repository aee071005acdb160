namespace OutcomeLedger.Core.Ledger;

/// <summary>The unit of a <see cref="ReleaseLag"/>.</summary>
public enum ReleaseLagUnit
{
    Day,
    Week,
    Month,
}
