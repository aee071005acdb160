using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>An import of published files as an indicator's measurements, by its reporter.</summary>
public sealed record MeasurementImportRequest
{
    public required IndicatorId Indicator { get; init; }

    /// <summary>The party the values are recorded as (the indicator's reporter).</summary>
    public required PartyId Author { get; init; }

    public required IReadOnlyList<ImportFile> Files { get; init; }

    /// <summary>How the files are read: the importer, its default dataset and address.</summary>
    public required SourceFormat Format { get; init; }

    public DimensionMapping Mapping { get; init; } = DimensionMapping.None;

    /// <summary>The dataset's name as recorded with each value; the format's default when null.</summary>
    public string? Dataset { get; init; }

    /// <summary>Where the dataset is published; the format's default when null.</summary>
    public string? Url { get; init; }

    /// <summary>The date of the source's release the files are, recorded with each value; its changed values become corrections.</summary>
    public DateOnly? Release { get; init; }

    /// <summary>Mark every value provisional (besides the rows the data itself marks).</summary>
    public bool Provisional { get; init; }

    /// <summary>Check everything against the ledger's rules, write nothing.</summary>
    public bool DryRun { get; init; }
}
