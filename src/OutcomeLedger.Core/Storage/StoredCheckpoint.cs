using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Storage;

/// <summary>A signed checkpoint as stored: size, root and the signed note text (with any cosignatures).</summary>
public sealed record StoredCheckpoint(ulong Size, Hash Root, string Note);
