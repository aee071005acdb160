namespace OutcomeLedger.Core.Monitoring;

/// <summary>Why a monitoring round refused what the log served: each is a loud error, with the evidence kept.</summary>
public enum MonitorFailure
{
    /// <summary>The checkpoint, a tile or an entry bundle does not verify against the log key and the checkpoint's root.</summary>
    BadLog,

    /// <summary>The log's origin is not the one the monitor's state is for (a state folder of another log).</summary>
    OtherLog,

    /// <summary>The log is smaller than a checkpoint the monitor verified before.</summary>
    RolledBack,

    /// <summary>The tree the log serves does not extend the one the monitor verified before: a fork.</summary>
    Forked,

    /// <summary>A new entry's signature or the ledger's rules refuse it.</summary>
    BadEntry,

    /// <summary>A peer holds a checkpoint signed by the log whose root is not this tree's at its size: a split view.</summary>
    SplitView,
}
