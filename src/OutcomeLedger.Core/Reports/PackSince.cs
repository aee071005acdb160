namespace OutcomeLedger.Core.Reports;

/// <summary>
/// The checkpoint a pack compares with: its size, its date, and what changed from it to the pack's checkpoint (the
/// same <see cref="LedgerDiff"/> as <c>outcomes diff</c>; a commitment it rates from nothing is new).
/// </summary>
public sealed record PackSince(ulong Size, DateOnly Date, LedgerDiff Diff);
