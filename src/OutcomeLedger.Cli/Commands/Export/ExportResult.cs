namespace OutcomeLedger.Cli.Commands.Export;

/// <summary><c>outcomes export --json</c>: what was written, at which checkpoint, with the sheets' names.</summary>
internal sealed record ExportResult(string Out, string Format, ulong Size, string RootHash, IReadOnlyList<string> Sheets, IReadOnlyList<string> Files);
