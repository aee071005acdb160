namespace OutcomeLedger.Core.Sessions;

/// <summary>What <c>ledger rebuild</c> did: the entries replayed, the rows written, and how many rows differed from the live projection.</summary>
public sealed record ProjectionRebuild(ulong Entries, int Rows, int RowsThatDiffered);
