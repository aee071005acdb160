namespace OutcomeLedger.Cli.Commands.Witness;

/// <summary>
/// One witnessing round: the checkpoint (origin, size, root), the size it was checked against (null on first contact,
/// trusted on first use), whether a new cosignature was made, its signature line, and the log's answer to it.
/// </summary>
internal sealed record WitnessOutcome(string Origin, ulong Size, string RootHash, ulong? PreviousSize, bool TrustOnFirstUse, bool Cosigned, string? Cosignature, int? LogStatus);
