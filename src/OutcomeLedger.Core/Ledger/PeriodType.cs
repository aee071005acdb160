namespace OutcomeLedger.Core.Ledger;

/// <summary>The period a measurement covers.</summary>
public enum PeriodType
{
    Month,
    Quarter,
    Year,
}
