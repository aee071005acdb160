using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>A submitted leaf with the work done ahead of sequencing: its RFC 6962 leaf hash, and the entry opened and verified.</summary>
public sealed record PreparedLeaf(byte[] Data, Hash LeafHash, PreparedEntry Entry);
