namespace OutcomeLedger.Core.Ledger;

/// <summary>How values of shorter periods combine into longer ones.</summary>
public enum Aggregation
{
    Sum,
    Mean,
    Last,
    TwelveMonthEnding,
}
