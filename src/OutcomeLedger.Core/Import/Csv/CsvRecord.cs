namespace OutcomeLedger.Core.Import.Csv;

/// <summary>
/// One CSV record: the physical line it starts on, its fields, and the first syntax error found in it, if any.
/// A record with an error still ends where the reader could resynchronise, so reading can go on.
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, ImportError? Error);
