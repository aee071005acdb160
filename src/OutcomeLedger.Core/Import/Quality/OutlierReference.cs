namespace OutcomeLedger.Core.Import.Quality;

/// <summary>Which values an outlier's robust z-score was taken against.</summary>
public enum OutlierReference
{
    /// <summary>The series' other values for the same calendar month (or quarter): its seasonal history.</summary>
    SameMonth,

    /// <summary>Every other value of the series: its calendar month had fewer than <see cref="DataQuality.MinHistory"/> others.</summary>
    WholeSeries,
}
