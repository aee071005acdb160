using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Storage;

/// <summary>One logged entry: its index, leaf hash and bytes (the canonical DSSE envelope).</summary>
public sealed record StoredLeaf(ulong Index, Hash LeafHash, byte[] Data);
