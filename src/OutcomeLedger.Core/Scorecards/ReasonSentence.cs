using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
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
        var sentence = Core(text, reason);

        // Figures from a series whose next value is overdue are never presented as current.
        return reason.LatestValue is { } latest
            ? sentence + TextCatalogue.Fill(text.ReasonStale, ("latest", text.Format.Period(latest)), ("dueBy", text.Format.Period(reason.DueBy ?? "")))
            : sentence;
    }

    static string Core(TextCatalogue text, RatingReason reason)
    {
        var f = text.Format;
        var subject = ("subject", reason.Subject);
        var rating = ("rating", text.RatingName(reason.Rating));
        var values = ("values", text.PeriodValues(reason.PeriodType));
        var change = ("change", reason.Change is { } c ? Change(reason.Subject, c, text, Unit(reason)) : reason.Subject);
        var target = ("target", TargetPhrase(reason, text));
        var latest = ("latest", reason.Latest is { } l ? Recent(text, l, reason) : "");
        var expected = ("expected", reason.Expected is { } e ? f.Figure(e) + Unit(reason) : "");
        var threshold = ("threshold", reason.Threshold is { } t ? f.Share(t) : "");
        var met = ("met", text.RatingName(Rating.Met));
        var have = ("have", Count(reason.Have));
        var needed = ("needed", Count(reason.Needed));
        var policy = ("policy", reason.DefaultPolicy == true ? text.PolicyDefaultName
            : reason.PolicyProposedBy is { } proposer ? TextCatalogue.Fill(text.PolicyProposedName, ("party", proposer))
            : text.PolicyAgreedName);
        return reason.Code switch
        {
            ReasonCode.TooEarly => TextCatalogue.Fill(
                text.ReasonTooEarly, subject, have, values, policy, needed, ("expectedBy", reason.ExpectedBy is { } by ? f.Period(by) : ""), rating),
            ReasonCode.NoBaseline => TextCatalogue.Fill(
                text.ReasonNoBaseline,
                subject,
                have,
                values,
                ("from", f.Period(reason.BaselineFrom ?? "")),
                ("to", f.Period(reason.BaselineTo ?? "")),
                needed,
                rating),
            ReasonCode.NoCountedValues => TextCatalogue.Fill(text.ReasonNoCountedValues, subject, have, values, policy, rating),
            ReasonCode.TooFewBefore => TextCatalogue.Fill(text.ReasonTooFewBefore, subject, have, values, policy, needed, rating),
            ReasonCode.TooFewAfter => TextCatalogue.Fill(text.ReasonTooFewAfter, subject, have, values, policy, needed, rating),
            ReasonCode.ModelInsufficient => TextCatalogue.Fill(text.ReasonModelInsufficient, subject, ("detail", reason.Detail is { } d ? text.Sentence(d) : ""), rating),
            ReasonCode.NoDistinguishableChange => TextCatalogue.Fill(text.ReasonNoDistinguishableChange, change, rating),
            ReasonCode.WrongDirection => TextCatalogue.Fill(text.ReasonWrongDirection, change, rating),
            ReasonCode.BelowThreshold => TextCatalogue.Fill(text.ReasonBelowThreshold, change, threshold, policy, rating),
            ReasonCode.BehindTargetPath => TextCatalogue.Fill(text.ReasonBehindTargetPath, change, latest, target, expected, rating),
            ReasonCode.SignificantChange => TextCatalogue.Fill(text.ReasonSignificantChange, change, threshold, policy, rating),
            ReasonCode.OnTargetPath => TextCatalogue.Fill(text.ReasonOnTargetPath, change, latest, target, expected, rating),
            ReasonCode.TargetReachedUnconfirmed => TextCatalogue.Fill(text.ReasonTargetReachedUnconfirmed, change, latest, target, met, policy, rating),
            ReasonCode.TargetReached => TextCatalogue.Fill(text.ReasonTargetReached, change, latest, met, target, rating),
            ReasonCode.TooFewConfirmed => TextCatalogue.Fill(
                text.ReasonTooFewConfirmed,
                change,
                ("confirmed", Count(reason.Confirmed)),
                ("counted", Count(reason.Counted)),
                values,
                rating,
                policy,
                ("share", f.Share(reason.RequiredShare ?? 0))),
            ReasonCode.UnresolvedDisputes when reason.Disputed == 1 => TextCatalogue.Fill(text.ReasonUnresolvedDispute, change, values, rating, policy),
            ReasonCode.UnresolvedDisputes => TextCatalogue.Fill(text.ReasonUnresolvedDisputes, change, ("disputed", Count(reason.Disputed)), values, rating, policy),
            ReasonCode.RollupWorst => TextCatalogue.Fill(
                text.ReasonRollupWorst, subject, ("count", Count(reason.Parts?.Values.Sum() ?? 0)), ("parts", Parts(reason, text)), rating),
            ReasonCode.RollupAllMet => TextCatalogue.Fill(text.ReasonRollupAllMet, met, ("parts", Parts(reason, text)), rating),
            ReasonCode.NoIndicators => TextCatalogue.Fill(text.ReasonNoIndicators, rating),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Code, null),
        };
    }

    /// <summary>"mean of Feb 2025 – Jan 2026: 920.1 kg against 1,085 kg, the mean of Jan 2024 – Dec 2024".</summary>
    public static string Observed(
        TextCatalogue text, ObservedChangeMethod? method, string from, string to, double mean, double baseline, string baselineFrom, string baselineTo, string unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var f = text.Format;
        var reference = method switch
        {
            ObservedChangeMethod.StatedBaseline => TextCatalogue.Fill(text.BaselineStatedValue, ("value", f.Figure(baseline) + unit)),
            _ => TextCatalogue.Fill(
                method == ObservedChangeMethod.SameMonths ? text.BaselineSameMonthsOf : text.BaselineMeanOf,
                ("value", f.Figure(baseline) + unit),
                ("from", f.Period(baselineFrom)),
                ("to", f.Period(baselineTo))),
        };
        return TextCatalogue.Fill(text.ObservedComparison, ("from", f.Period(from)), ("to", f.Period(to)), ("mean", f.Figure(mean) + unit), ("baseline", reference));
    }

    static string Change(string subject, ChangeFinding change, TextCatalogue text, string unit)
    {
        var f = text.Format;
        var interval = TextCatalogue.Fill(
            text.Interval,
            ("level", f.Share(change.Confidence * 100)),
            ("lower", f.SignedPercent(change.Lower)),
            ("upper", f.SignedPercent(change.Upper)));
        if (change.From is { } from && change.To is { } to && change.Mean is { } mean && change.Baseline is { } baseline)
        {
            // The observed change against the baseline: what was compared with what, then the interval.
            interval = Observed(text, change.Method, from, to, mean, baseline, change.BaselineFrom ?? "", change.BaselineTo ?? "", unit) + "; " + interval;
        }

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
            ("against", change.AgainstTrend ? text.AgainstTrend : change.From is not null ? text.AgainstBaseline : text.AgainstMean),
            ("interval", interval));
    }

    /// <summary>The recent value and what it is: "1,118, the mean of the last 3 months".</summary>
    static string Recent(TextCatalogue text, double value, RatingReason reason)
    {
        var figure = text.Format.Figure(value) + Unit(reason);
        return reason.LatestPeriods switch
        {
            null => figure,
            1 => TextCatalogue.Fill(text.RecentSingle, ("value", figure), ("period", text.PeriodSingular(reason.PeriodType))),
            var n => TextCatalogue.Fill(text.RecentMean, ("value", figure), ("count", text.PeriodCount(reason.PeriodType, n.Value))),
        };
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
            ("value", f.Figure(target) + Unit(reason)),
            ("date", reason.TargetBy is { } date ? f.Date(date) : ""));
    }

    static string Unit(RatingReason reason) => UnitSuffix(reason.Unit);

    /// <summary>The unit after a figure: " kg", "%" directly, nothing when there is none.</summary>
    public static string UnitSuffix(string? unit) => unit switch
    {
        null or "" => "",
        "%" => "%",
        var other => " " + other,
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
