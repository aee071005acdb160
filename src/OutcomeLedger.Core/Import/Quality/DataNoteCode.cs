namespace OutcomeLedger.Core.Import.Quality;

/// <summary>What a data-quality rule noticed in a series: a prompt to check the data, never a verdict on it.</summary>
public enum DataNoteCode
{
    /// <summary>A value far from the others of its calendar month (or of its whole series): robust z-score beyond <see cref="DataQuality.OutlierThreshold"/>.</summary>
    Outlier,

    /// <summary>A running total (a series that keeps its last value) lower than the value before it.</summary>
    RunningTotalFell,

    /// <summary>Periods with no value between two that have one.</summary>
    Gap,

    /// <summary>The same period and dimensions given twice with the same value, in one import; the second is left out.</summary>
    Repeated,
}
