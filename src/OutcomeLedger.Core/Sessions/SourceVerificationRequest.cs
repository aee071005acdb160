using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// A check of an indicator's logged values against the agency's published file, by someone other than their reporter
/// (an independent verifier, or the other party): <c>outcomes verify-source</c>. The files are read with the same
/// importer and dimension mapping an import would use.
/// </summary>
public sealed record SourceVerificationRequest
{
    public required IndicatorId Indicator { get; init; }

    /// <summary>Who checks: a verifier (whose matches are "verified") or a party (whose matches are acknowledgements).</summary>
    public required PartyId Author { get; init; }

    public required IReadOnlyList<ImportFile> Files { get; init; }

    /// <summary>How the files are read: the importer and its selection, as for an import.</summary>
    public required SourceFormat Format { get; init; }

    public DimensionMapping Mapping { get; init; } = DimensionMapping.None;

    /// <summary>Where the file was published (said in each verdict's reason); the format's default when null.</summary>
    public string? Url { get; init; }

    /// <summary>Compare and report, write nothing.</summary>
    public bool DryRun { get; init; }
}
