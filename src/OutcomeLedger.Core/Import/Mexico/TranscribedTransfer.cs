namespace OutcomeLedger.Core.Import.Mexico;

/// <summary>
/// One transfer of defendants from Mexico to U.S. custody, transcribed by hand from the two governments'
/// announcements (not a published dataset). <see cref="SourceUrl"/> is the report the figure was read from.
/// </summary>
public sealed record TranscribedTransfer(
    DateOnly Date,
    long PersonsTransferred,
    long CumulativeTransferred,
    string LegalBasis,
    string DeathPenaltyAssurance,
    string UsSource,
    string MexicoSource,
    Uri SourceUrl,
    string SourceFile,
    int SourceLine)
{
    public DataProvenance Provenance { get; } = DataProvenance.TranscribedAnnouncement;
}
