namespace OutcomeLedger.Core.Ledger;

/// <summary>A record with the log index of the entry that carries it and the leaf hash of that entry.</summary>
public sealed record Logged<T>(T Record, ulong Index, OutcomeLedger.Core.Transparency.Hashing.Hash LeafHash)
    where T : LedgerRecord;
