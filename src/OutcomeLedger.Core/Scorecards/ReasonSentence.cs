using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Writes a <see cref="RatingReason"/> as a sentence from the catalogue's templates, with its numbers in that
/// language's format: the words are the catalogue's, the choice of template and the numbers are the reason's.
/// </summary>
public static class ReasonSentence
{
    public static string Sentence(this TextCatalogue text, RatingReason reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reason);
        var f = text.Format;
        var subject = ("subject", reason.Subject);
        var rating = ("rating", text.RatingName(reason.Rating));
        var values = ("values", text.PeriodValues(reason.PeriodType));
        var change = ("change", reason.Change is { } c ? Change(reason.Subject, c, text) : reason.Subject);
        var target = ("target", TargetPhrase(reason, text));
        var latest = ("latest", reason.Latest is { } l ? f.Value(l) + Unit(reason) : "");
        var expected = ("expected", reason.Expected is { } e ? f.Value(e) + Unit(reason) : "");
        var threshold = ("threshold", reason.Threshold is { } t ? f.Share(t) : "");
        var met = ("met", text.RatingName(Rating.Met));
        var have = ("have", Count(reason.Have));
        var needed = ("needed", Count(reason.Needed));
        return reason.Code switch
        {
            ReasonCode.TooEarly => TextCatalogue.Fill(text.ReasonTooEarly, subject, have, needed, ("periods", text.Periods(reason.PeriodType)), rating),
            ReasonCode.NoCountedValues => TextCatalogue.Fill(text.ReasonNoCountedValues, subject, have, values, rating),
            ReasonCode.TooFewBefore => TextCatalogue.Fill(text.ReasonTooFewBefore, subject, have, values, needed, rating),
            ReasonCode.TooFewAfter => TextCatalogue.Fill(text.ReasonTooFewAfter, subject, have, values, needed, rating),
            ReasonCode.ModelInsufficient => TextCatalogue.Fill(text.ReasonModelInsufficient, subject, ("detail", reason.Detail is { } d ? text.Sentence(d) : ""), rating),
            ReasonCode.NoDistinguishableChange => TextCatalogue.Fill(text.ReasonNoDistinguishableChange, change, rating),
            ReasonCode.WrongDirection => TextCatalogue.Fill(text.ReasonWrongDirection, change, rating),
            ReasonCode.BelowThreshold => TextCatalogue.Fill(text.ReasonBelowThreshold, change, threshold, rating),
            ReasonCode.BehindTargetPath => TextCatalogue.Fill(text.ReasonBehindTargetPath, change, latest, target, expected, rating),
            ReasonCode.SignificantChange => TextCatalogue.Fill(text.ReasonSignificantChange, change, threshold, rating),
            ReasonCode.OnTargetPath => TextCatalogue.Fill(text.ReasonOnTargetPath, change, latest, target, expected, rating),
            ReasonCode.TargetReachedUnconfirmed => TextCatalogue.Fill(text.ReasonTargetReachedUnconfirmed, change, latest, target, met, rating),
            ReasonCode.TargetReached => TextCatalogue.Fill(text.ReasonTargetReached, change, latest, met, target, rating),
            ReasonCode.TooFewConfirmed => TextCatalogue.Fill(
                text.ReasonTooFewConfirmed,
                change,
                ("confirmed", Count(reason.Confirmed)),
                ("counted", Count(reason.Counted)),
                values,
                rating,
                ("share", f.Share(reason.RequiredShare ?? 0))),
            ReasonCode.UnresolvedDisputes when reason.Disputed == 1 => TextCatalogue.Fill(text.ReasonUnresolvedDispute, change, values, rating),
            ReasonCode.UnresolvedDisputes => TextCatalogue.Fill(text.ReasonUnresolvedDisputes, change, ("disputed", Count(reason.Disputed)), values, rating),
            ReasonCode.RollupWorst => TextCatalogue.Fill(
                text.ReasonRollupWorst, subject, ("count", Count(reason.Parts?.Values.Sum() ?? 0)), ("parts", Parts(reason, text)), rating),
            ReasonCode.RollupAllMet => TextCatalogue.Fill(text.ReasonRollupAllMet, met, ("parts", Parts(reason, text)), rating),
            ReasonCode.NoIndicators => TextCatalogue.Fill(text.ReasonNoIndicators, rating),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Code, null),
        };
    }

    static string Change(string subject, ChangeFinding change, TextCatalogue text)
    {
        var f = text.Format;
        var interval = TextCatalogue.Fill(
            text.Interval,
            ("level", f.Share(change.Confidence * 100)),
            ("lower", f.SignedPercent(change.Lower)),
            ("upper", f.SignedPercent(change.Upper)));
        var template = change.Percent switch
        {
            < 0 => text.ChangeFell,
            > 0 => text.ChangeRose,
            _ => text.ChangeNone,
        };
        return TextCatalogue.Fill(
            template,
            ("subject", subject),
            ("magnitude", f.Percent(Math.Abs(change.Percent))),
            ("against", change.AgainstTrend ? text.AgainstTrend : text.AgainstMean),
            ("interval", interval));
    }

    static string TargetPhrase(RatingReason reason, TextCatalogue text)
    {
        if (reason.Target is not { } target)
        {
            return "";
        }

        var f = text.Format;
        return TextCatalogue.Fill(
            reason.TargetBasis == TargetBasis.Illustrative ? text.TargetIllustrative : text.TargetAgreed,
            ("value", f.Value(target) + Unit(reason)),
            ("date", reason.TargetBy is { } date ? f.Date(date) : ""));
    }

    static string Unit(RatingReason reason) => reason.Unit switch
    {
        null or "" => "",
        "%" => "%",
        var unit => " " + unit,
    };

    /// <summary>A count as the reasons write it (an absent count is empty, as before the catalogue).</summary>
    static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    static string Parts(RatingReason reason, TextCatalogue text)
    {
        if (reason.Parts is null)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var rating in Enum.GetValues<Rating>())
        {
            if (reason.Parts.TryGetValue(RatingCode.Of(rating), out var count) && count > 0)
            {
                parts.Add($"{count} {text.RatingName(rating)}");
            }
        }

        return string.Join(", ", parts);
    }
}
