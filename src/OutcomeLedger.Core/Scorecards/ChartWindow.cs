namespace OutcomeLedger.Core.Scorecards;

/// <summary>The dates a commitment's charts span.</summary>
public enum ChartWindow
{
    /// <summary>The assessment window: from the first baseline period to the last period assessed (and the targets' dates), the default.</summary>
    Assessment,

    /// <summary>Every value in the log, on demand.</summary>
    Full,
}
