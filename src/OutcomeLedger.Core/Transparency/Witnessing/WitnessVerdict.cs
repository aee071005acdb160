namespace OutcomeLedger.Core.Transparency.Witnessing;

/// <summary>What the witness rule says of a checkpoint, given the last one cosigned for its log.</summary>
public enum WitnessVerdict
{
    /// <summary>Larger than the last cosigned tree and proven consistent with it (or the first seen): cosign it.</summary>
    Advances,

    /// <summary>The same tree as the last cosigned one: cosigning it again says nothing new and nothing false.</summary>
    Unchanged,

    /// <summary>Smaller than a tree already cosigned: the log went back.</summary>
    RolledBack,

    /// <summary>The size of the last cosigned tree with another root: two views of one log.</summary>
    Forked,

    /// <summary>A proof came with the first checkpoint of a log, where none can exist.</summary>
    UnexpectedProof,

    /// <summary>The consistency proof from the last cosigned tree does not verify.</summary>
    Inconsistent,
}
