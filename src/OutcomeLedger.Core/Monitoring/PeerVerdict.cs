namespace OutcomeLedger.Core.Monitoring;

/// <summary>How a peer's checkpoint compares with the tree this monitor verified.</summary>
public enum PeerVerdict
{
    /// <summary>Signed by the log, and its root is this tree's root at its size: one history.</summary>
    Agrees,

    /// <summary>Signed by the log, for a larger tree than this monitor verified: compared on a later round.</summary>
    Ahead,

    /// <summary>Not a checkpoint signed by the log key (or none was served): proves nothing either way.</summary>
    Unverified,
}
