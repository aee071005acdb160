namespace OutcomeLedger.Core.Import.Mexico;

/// <summary>
/// A cumulative figure Mexico's Security Cabinet claimed for its own results (detentions, labs dismantled,
/// drugs seized...) from <see cref="PeriodStart"/> to <see cref="PeriodEnd"/>, transcribed by hand from a news
/// report of the briefing at <see cref="SourceUrl"/>. Self-reported and transcribed: not an official
/// machine-readable dataset, and not independently verified. Units are as the source gave them (kg or tonnes).
/// </summary>
public sealed record SelfReportedCabinetFigure(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Metric,
    FigureQualifier Qualifier,
    decimal Value,
    string Unit,
    string OriginalPublisher,
    Uri SourceUrl,
    string? Note,
    string SourceFile,
    int SourceLine)
{
    public DataProvenance Provenance { get; } = DataProvenance.SelfReportedTranscription;
}
