using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Monitoring;

/// <summary>What a monitor saw last of one log: its origin and the size and root of the last checkpoint it verified.</summary>
public sealed record MonitorState(string Origin, ulong Size, Hash Root);
