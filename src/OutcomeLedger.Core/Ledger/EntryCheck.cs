namespace OutcomeLedger.Core.Ledger;

/// <summary>The outcome of checking an entry: the record it carries, or every reason it was refused.</summary>
public sealed record EntryCheck(LedgerRecord? Record, IReadOnlyList<ValidationError> Errors)
{
    public bool IsAccepted => Errors.Count == 0;

    public static EntryCheck Accepted(LedgerRecord record) => new(record, []);

    public static EntryCheck Rejected(IReadOnlyList<ValidationError> errors) => new(null, errors);

    public override string ToString() => IsAccepted ? $"accepted {Record!.Kind}" : string.Join("; ", Errors);
}
