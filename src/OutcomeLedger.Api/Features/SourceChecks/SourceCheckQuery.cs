using Microsoft.AspNetCore.Mvc;

namespace OutcomeLedger.Api.Features.SourceChecks;

/// <summary>
/// The query of <c>POST /api/v1/source-checks</c>, as the options of <c>outcomes verify-source cbp|cdc|csv</c>: which
/// indicator, how the published files are read (<see cref="Format"/> and that format's selection; csv's options are
/// <see cref="Uploads.CsvQuery"/>), and where they were published.
/// </summary>
public sealed record SourceCheckQuery
{
    /// <summary>The indicator whose logged values are checked (required).</summary>
    [FromQuery(Name = "indicator")]
    public string? Indicator { get; init; }

    /// <summary>How the file is read: cbp (CBP nationwide drug seizures), cdc (CDC VSRR overdose deaths) or csv (a column mapping) (required).</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    /// <summary>The file's name as published, said in each verdict's reason, when the body is the one file (default upload.csv); a multipart upload's parts carry their own names.</summary>
    [FromQuery(Name = "file")]
    public string? File { get; init; }

    /// <summary>Where the file was published (the format's own address when not given).</summary>
    [FromQuery(Name = "url")]
    public string? Url { get; init; }

    /// <summary>Compare and report; attest nothing.</summary>
    [FromQuery(Name = "dryRun")]
    public bool? DryRun { get; init; }

    /// <summary>cbp: Drug Type to keep (repeatable), e.g. Fentanyl.</summary>
    [FromQuery(Name = "drug")]
    public string[]? Drug { get; init; }

    /// <summary>cbp: Region to keep (repeatable), e.g. Southwest Border.</summary>
    [FromQuery(Name = "region")]
    public string[]? Region { get; init; }

    /// <summary>cbp: Component to keep (repeatable).</summary>
    [FromQuery(Name = "component")]
    public string[]? Component { get; init; }

    /// <summary>cbp: Land Filter to keep (repeatable), e.g. Land Only.</summary>
    [FromQuery(Name = "landFilter")]
    public string[]? LandFilter { get; init; }

    /// <summary>cbp: Area of Responsibility to keep (repeatable).</summary>
    [FromQuery(Name = "area")]
    public string[]? Area { get; init; }

    /// <summary>cbp: pounds (the default) or event-count.</summary>
    [FromQuery(Name = "measure")]
    public string? Measure { get; init; }

    /// <summary>cbp: keep a column as a dimension (repeatable): component, region, land-filter, area-of-responsibility, drug-type.</summary>
    [FromQuery(Name = "groupBy")]
    public string[]? GroupBy { get; init; }

    /// <summary>cbp: record months without a selected row as 0.</summary>
    [FromQuery(Name = "zeroMonths")]
    public bool? ZeroMonths { get; init; }

    /// <summary>cdc: US (the national figure, the default), a state code, or all.</summary>
    [FromQuery(Name = "state")]
    public string? State { get; init; }

    /// <summary>cdc: the dataset's indicator column value (default: synthetic opioids, excl. methadone).</summary>
    [FromQuery(Name = "cdcIndicator")]
    public string? CdcIndicator { get; init; }

    /// <summary>cdc: read predicted_value instead of the reported data_value.</summary>
    [FromQuery(Name = "predicted")]
    public bool? Predicted { get; init; }
}
