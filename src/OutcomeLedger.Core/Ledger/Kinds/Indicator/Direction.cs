namespace OutcomeLedger.Core.Ledger;

/// <summary>Which way of movement is an improvement.</summary>
public enum Direction
{
    Up,
    Down,
}
