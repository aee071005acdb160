using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Storage;

/// <summary>The latest checkpoint a witness cosigned for one log origin: its tree size and root hash.</summary>
public sealed record WitnessedCheckpoint(ulong Size, Hash Root);
