namespace OutcomeLedger.Core.Import;

/// <summary>A file to import: its name (for results and errors) and a way to open it, once to read it and once to keep it as evidence.</summary>
public sealed record ImportFile(string FileName, Func<Stream> Open);
