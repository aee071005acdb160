namespace OutcomeLedger.Core.Monitoring;

/// <summary>What a new entry did, as the monitor tells it: the verb of its line.</summary>
public enum MonitorAction
{
    /// <summary>A new value of an indicator.</summary>
    Reported,

    /// <summary>A value that supersedes an earlier one.</summary>
    Corrected,

    /// <summary>A verdict on a value (acknowledged, disputed, verified…).</summary>
    Attested,

    /// <summary>Any other entry: a party, an indicator, a statement…</summary>
    Logged,
}
