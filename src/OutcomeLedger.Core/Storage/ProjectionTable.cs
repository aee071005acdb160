namespace OutcomeLedger.Core.Storage;

/// <summary>A projection table a record kind declares: its name and its columns besides <c>key</c> and <c>log_index</c>.</summary>
public sealed record ProjectionTable(string Name, IReadOnlyList<string> Columns);
