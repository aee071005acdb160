using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Witnessing;

/// <summary>The size and root hash of the last checkpoint a witness cosigned for one log.</summary>
public readonly record struct CosignedTreeHead(ulong Size, Hash Root);
