namespace OutcomeLedger.Storage;

/// <summary>What a server holding a ledger folder says about itself in <c>writer.json</c>: its process id and addresses.</summary>
public sealed record LedgerWriterStatus(int Pid, IReadOnlyList<string> Urls);
