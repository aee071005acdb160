namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>What a peer saw, in a <c>--json</c> line.</summary>
internal sealed record MonitorPeerJson(string Peer, ulong? Size, string Verdict);
