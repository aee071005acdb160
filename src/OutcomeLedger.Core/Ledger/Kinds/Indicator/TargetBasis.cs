namespace OutcomeLedger.Core.Ledger;

/// <summary>Whether a target was agreed by the parties or is an illustrative assumption.</summary>
public enum TargetBasis
{
    Agreed,
    Illustrative,
}
