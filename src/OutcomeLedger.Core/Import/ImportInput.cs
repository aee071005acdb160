namespace OutcomeLedger.Core.Import;

/// <summary>One file handed to an importer that reads several at once; the name is only used in results and errors.</summary>
public sealed record ImportInput(string FileName, Stream Content);
