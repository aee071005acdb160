using OutcomeLedger.Core.Import.Quality;

namespace OutcomeLedger.Core.Text;

// Words of the data-quality notes (issue 13, Deliver 8) and of how each value was confirmed (Deliver 3): a note is a
// prompt to check the source, never a verdict on the data.
public sealed partial class TextCatalogue
{
    /// <summary>The heading of the data notes, import output and scorecards alike.</summary>
    public required string DataNotesHeading { get; init; }

    /// <summary>What a data note is and is not, said once under the heading.</summary>
    public required string DataNotesExplained { get; init; }

    /// <summary>An outlier: <c>{period}</c>, <c>{value}</c>, <c>{median}</c>, <c>{score}</c>, <c>{reference}</c> (one of the two below).</summary>
    public required string DataNoteOutlier { get; init; }

    /// <summary>The reference of an outlier: the same calendar month's <c>{count}</c> other values.</summary>
    public required string DataNoteSameMonth { get; init; }

    /// <summary>The reference of an outlier: the whole series' <c>{count}</c> other values, the month having too few.</summary>
    public required string DataNoteWholeSeries { get; init; }

    /// <summary>A running total that fell: <c>{period}</c>, <c>{value}</c>, <c>{previous}</c>, <c>{previousPeriod}</c>.</summary>
    public required string DataNoteRunningTotalFell { get; init; }

    /// <summary>Periods missing inside a series: <c>{periods}</c> (one period, or a range).</summary>
    public required string DataNoteGap { get; init; }

    /// <summary>A period given twice with the same figure: <c>{period}</c>, <c>{value}</c>, <c>{first}</c> (file:line of the first).</summary>
    public required string DataNoteRepeated { get; init; }

    /// <summary>The label of the confirmation sources ("How confirmed").</summary>
    public required string ConfirmedHow { get; init; }

    /// <summary>Values re-derived from a published file by a verifier: <c>{n}</c>, <c>{file}</c>, <c>{party}</c>.</summary>
    public required Plural SourceReDerived { get; init; }

    /// <summary>Values a verifier verified (not from a named file): <c>{n}</c>, <c>{party}</c>.</summary>
    public required Plural SourceVerified { get; init; }

    /// <summary>Values the counterparty acknowledged: <c>{n}</c>, <c>{party}</c>.</summary>
    public required Plural SourceAcknowledged { get; init; }

    /// <summary>Values whose figure a resolution settled: <c>{n}</c>, <c>{party}</c>.</summary>
    public required Plural SourceResolved { get; init; }

    /// <summary>Values under an open dispute: <c>{n}</c>.</summary>
    public required Plural SourceDisputed { get; init; }

    /// <summary>Values a verifier's check did not confirm: <c>{n}</c>, <c>{party}</c>.</summary>
    public required Plural SourceCheckFailed { get; init; }

    /// <summary>Values only their reporter stands behind: <c>{n}</c>.</summary>
    public required Plural SourceUnconfirmed { get; init; }

    /// <summary>"12 values acknowledged by mx; 30 re-derived from cbp.csv by verifier; 5 unconfirmed (self-reported)".</summary>
    public string ConfirmationSources(IEnumerable<(Evaluation.VerificationStatus Status, string? Party, string? File, int Values)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return string.Join("; ", sources.Select(s =>
        {
            var plural = s.Status switch
            {
                Evaluation.VerificationStatus.Verified => s.File is null ? SourceVerified : SourceReDerived,
                Evaluation.VerificationStatus.Acknowledged => SourceAcknowledged,
                Evaluation.VerificationStatus.Resolved => SourceResolved,
                Evaluation.VerificationStatus.Disputed => SourceDisputed,
                Evaluation.VerificationStatus.VerificationFailed => SourceCheckFailed,
                _ => SourceUnconfirmed,
            };
            var template = s.Values == 1 ? plural.One : plural.Other;
            return Fill(template, ("n", s.Values.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("party", s.Party ?? ""), ("file", s.File ?? ""));
        }));
    }

    /// <summary>
    /// A note in the reader's language: the series' dimensions (when any) in parentheses first, then the sentence.
    /// <paramref name="period"/> writes a period ("2025-03" or "Mar 2025"), <paramref name="number"/> a figure.
    /// </summary>
    public string DataNoteSentence(DataNote note, Func<Ledger.Period, string> period, Func<decimal, string> number)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(number);
        var sentence = note.Code switch
        {
            DataNoteCode.Outlier => Fill(DataNoteOutlier,
                ("period", period(note.Period)), ("value", number(note.Value ?? 0)), ("median", number(note.Median ?? 0)),
                ("score", Format.Fixed(note.Score ?? 0, 1)),
                ("reference", Fill(note.Reference == OutlierReference.SameMonth ? DataNoteSameMonth : DataNoteWholeSeries,
                    ("count", (note.ReferenceCount ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture))))),
            DataNoteCode.RunningTotalFell => Fill(DataNoteRunningTotalFell,
                ("period", period(note.Period)), ("value", number(note.Value ?? 0)),
                ("previous", number(note.Previous ?? 0)), ("previousPeriod", note.PreviousPeriod is { } p ? period(p) : "")),
            DataNoteCode.Gap => Fill(DataNoteGap,
                ("periods", note.Through is { } through && through != note.Period ? $"{period(note.Period)} – {period(through)}" : period(note.Period))),
            _ => Fill(DataNoteRepeated,
                ("period", period(note.Period)), ("value", number(note.Value ?? 0)),
                ("first", note.FirstFile is null ? "" : $"{note.FirstFile}:{note.FirstLine}")),
        };
        return note.Dimensions.Count == 0
            ? sentence
            : $"({string.Join(", ", note.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {d.Value}"))}) {sentence}";
    }
}
