using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Access;

/// <summary>Where the signing keys parties delegated to a server come from (owner-only key files, given on the command line).</summary>
public interface IDelegatedKeySource
{
    /// <summary>Reads every delegated key, each party's at most once; the caller owns (and disposes) the keys. Errors name the source, never a key.</summary>
    IReadOnlyDictionary<PartyId, SigningKey> Load();
}
