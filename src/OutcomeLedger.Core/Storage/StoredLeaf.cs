using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Core.Storage;

/// <summary>One logged entry: its index, leaf hash and bytes (the canonical DSSE envelope).</summary>
public sealed record StoredLeaf(ulong Index, Hash LeafHash, byte[] Data);
