namespace OutcomeLedger.Core.Ledger;

/// <summary>Why a record was refused: the field (a JSON path such as <c>dimensions.drug</c>) and a plain message.</summary>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
