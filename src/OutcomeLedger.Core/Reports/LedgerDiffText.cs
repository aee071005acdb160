using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// A <see cref="LedgerDiff"/> in words for people, from the catalogue: the same phrases for the CLI's table, the
/// dashboard's page and the pack. Figures are rounded for reading; the JSON keeps them exact.
/// </summary>
public static class LedgerDiffText
{
    public static string Kind(DiffChangeKind kind, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var d = t.Diff;
        return kind switch
        {
            DiffChangeKind.Agreement => d.KindAgreement,
            DiffChangeKind.Statement => d.KindStatement,
            DiffChangeKind.Commitment => d.KindCommitment,
            DiffChangeKind.Indicator => d.KindIndicator,
            DiffChangeKind.Policy => d.KindPolicy,
            DiffChangeKind.TermsAccepted => d.KindTermsAccepted,
            DiffChangeKind.TermsContested => d.KindTermsContested,
            DiffChangeKind.ValueAdded => d.KindValueAdded,
            DiffChangeKind.ValueCorrected => d.KindValueCorrected,
            DiffChangeKind.ValueConfirmed => d.KindValueConfirmed,
            DiffChangeKind.VerificationFailed => d.KindVerificationFailed,
            DiffChangeKind.DisputeOpened => d.KindDisputeOpened,
            DiffChangeKind.DisputeResolved => d.KindDisputeResolved,
            DiffChangeKind.DisputeWithdrawn => d.KindDisputeWithdrawn,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>What the change is about in a phrase: a value's period and figures, then the words the entry carries.</summary>
    public static string Detail(DiffChange change, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(t);
        var d = t.Diff;
        var f = t.Format;
        var period = change.Period is null ? "" : f.Period(change.Period)
            + (change.Dimensions is { Count: > 0 } dims ? " (" + string.Join(", ", dims.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + ": " + x.Value)) + ")" : "");
        string? figures = change.Kind switch
        {
            DiffChangeKind.ValueCorrected when change.Previous is { } old && change.Value is { } value =>
                TextCatalogue.Fill(d.CorrectedDetail, ("period", period), ("from", f.Figure(old)), ("to", f.Figure(value))),
            DiffChangeKind.DisputeOpened when change.Previous is { } reported && change.Value is { } figure =>
                TextCatalogue.Fill(d.DisputeDetail, ("period", period), ("reported", f.Figure(reported)), ("figure", f.Figure(figure))),
            _ when change.Period is not null && change.Value is { } value =>
                TextCatalogue.Fill(d.ValueDetail, ("period", period), ("value", f.Figure(value))),
            _ when change.Period is not null => period,
            _ => null,
        };
        return string.Join(" — ", new[] { figures, change.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// <summary>A rating, with what the data says when it differs; "new" for a commitment that had none.</summary>
    public static string Rating(Evaluation.Rating? rating, Evaluation.Rating? finding, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (rating is not { } r)
        {
            return t.Diff.New;
        }

        return finding is { } found
            ? TextCatalogue.Fill(t.Diff.RatingWithFinding, ("rating", t.RatingName(r)), ("finding", t.RatingName(found)))
            : t.RatingName(r);
    }

    /// <summary>"From checkpoint 24 (3 Feb 2026) to checkpoint 40 (…)".</summary>
    public static string Between(LedgerDiff diff, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(t);
        return TextCatalogue.Fill(t.Diff.Between,
            ("from", t.Format.Number(diff.From.Size, 0)),
            ("fromDate", Date(diff.From, t)),
            ("to", t.Format.Number(diff.To.Size, 0)),
            ("toDate", Date(diff.To, t)));
    }

    /// <summary>That the later checkpoint extends the earlier, by the consistency proof checked.</summary>
    public static string Consistent(LedgerDiff diff, TextCatalogue t)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(t);
        return TextCatalogue.Fill(t.Diff.Consistent,
            ("from", t.Format.Number(diff.From.Size, 0)),
            ("to", t.Format.Number(diff.To.Size, 0)),
            ("hashes", t.Diff.ProofHashes.Of(diff.ConsistencyProof.Count)));
    }

    static string Date(DiffCheckpoint checkpoint, TextCatalogue t) =>
        checkpoint.LoggedAt is { } at ? t.Format.Date(DateOnly.FromDateTime(at.UtcDateTime)) : "—";
}
