namespace OutcomeLedger.Core.Monitoring;

/// <summary>What another monitor or witness (<c>--peer</c>) saw of the log, compared with this monitor's verified tree.</summary>
public sealed record PeerView(string Peer, ulong? Size, PeerVerdict Verdict);
