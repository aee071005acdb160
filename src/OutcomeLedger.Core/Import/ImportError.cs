namespace OutcomeLedger.Core.Import;

/// <summary>
/// One problem found in an imported file. <paramref name="Line"/> is the 1-based physical line (0 for a problem
/// with the file or the selection as a whole); <paramref name="Column"/> is the column's header name, or empty
/// when the problem is not in one column.
/// </summary>
public sealed record ImportError(string File, int Line, string Column, string Message)
{
    public override string ToString() =>
        Column.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: [{Column}] {Message}";
}
