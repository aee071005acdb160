using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Records;

/// <summary>A record as logged: the entry's log index, its leaf hash (hex) and the record.</summary>
public sealed record EntryView<T>(ulong Index, string LeafHash, T Record)
    where T : LedgerRecord
{
    public EntryView(Logged<T> logged)
        : this(logged?.Index ?? throw new ArgumentNullException(nameof(logged)), logged.LeafHash.ToHex(), logged.Record)
    {
    }
}
