using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sessions;

/// <summary>A logged entry read back and proven: its record, its index, its leaf hash and its bytes (the canonical DSSE envelope).</summary>
public sealed record OpenedEntry(LedgerRecord Record, ulong Index, Hash LeafHash, ReadOnlyMemory<byte> Data)
{
    public Logged<T> As<T>()
        where T : LedgerRecord => new((T)Record, Index, LeafHash);
}
