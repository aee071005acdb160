namespace OutcomeLedger.Core.Reports;

/// <summary>One end of a comparison: a signed checkpoint's size, its root hash (base64) and its log time when it has one.</summary>
public sealed record DiffCheckpoint(ulong Size, string Root, DateTimeOffset? LoggedAt);
