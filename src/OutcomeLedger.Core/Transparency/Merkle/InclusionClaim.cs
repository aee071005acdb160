using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>A claim that <see cref="LeafHash"/> is leaf <see cref="Index"/> of the tree of <see cref="TreeSize"/> leaves with <see cref="Root"/>, with its RFC 9162 inclusion proof.</summary>
public readonly record struct InclusionClaim(ulong Index, ulong TreeSize, Hash LeafHash, IReadOnlyList<Hash> Proof, Hash Root);
