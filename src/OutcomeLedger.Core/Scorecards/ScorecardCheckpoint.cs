namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The checkpoint the scorecard was computed at: origin, tree size, root hash (base64, as in the checkpoint body) and
/// the full signed note (c2sp.org/signed-note) with its signatures and cosignatures.
/// </summary>
public sealed record ScorecardCheckpoint(string Origin, ulong Size, string RootHash, string SignedNote);
