using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sessions;

/// <summary>A logged entry read back and proven: its record, its index and its leaf hash.</summary>
public sealed record OpenedEntry(LedgerRecord Record, ulong Index, Hash LeafHash)
{
    public Logged<T> As<T>()
        where T : LedgerRecord => new((T)Record, Index, LeafHash);
}
