using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Core.Text;

public sealed partial class TextCatalogue
{
    readonly ConcurrentDictionary<ShortfallCode, Regex> _shortfallPatterns = new();

    /// <summary>The shortfall as a sentence in this language; months and dates in it are ISO (2024-01, 2024-01-31).</summary>
    public string Sentence(Shortfall shortfall)
    {
        ArgumentNullException.ThrowIfNull(shortfall);
        var s = shortfall;
        return s.Code switch
        {
            ShortfallCode.TooFewForTrendTest or ShortfallCode.TooFewForSensSlope =>
                Fill(ShortfallTemplate(s.Code), ("have", ValueCount.Of(Get(s.Have))), ("needed", N(Get(s.Needed)))),
            ShortfallCode.TooFewSeasons => Fill(
                ShortfallTemplate(s.Code),
                ("have", CalendarMonthsWith.Of(Get(s.Have))),
                ("years", N(Get(s.Years))),
                ("month", MonthName(Get(s.Month))),
                ("count", N(Get(s.Count))),
                ("needed", N(Get(s.Needed)))),
            ShortfallCode.TooFewBaselineValues =>
                Fill(ShortfallTemplate(s.Code), ("have", BaselineValueCount.Of(Get(s.Have))), ("needed", AtLeastNeeded.Of(Get(s.Needed)))),
            ShortfallCode.TooFewComparisonValues =>
                Fill(ShortfallTemplate(s.Code), ("have", ValueCount.Of(Get(s.Have))), ("needed", AtLeastNeeded.Of(Get(s.Needed)))),
            ShortfallCode.DueNotAfterBaseline =>
                Fill(ShortfallTemplate(s.Code), ("due", Iso(Get(s.Due))), ("baseline", Iso(Get(s.Baseline)))),
            ShortfallCode.TooFewBeforeIntervention or ShortfallCode.TooFewAfterIntervention => Fill(
                ShortfallTemplate(s.Code),
                ("have", MonthlyValueCount.Of(Get(s.Have))),
                ("intervention", Get(s.Intervention).ToString()),
                ("needed", AtLeastNeeded.Of(Get(s.Needed)))),
            ShortfallCode.TooFewForCoefficients => Fill(
                ShortfallTemplate(s.Code),
                ("have", MonthlyValueCount.Of(Get(s.Have))),
                ("coefficients", N(Get(s.Coefficients))),
                ("needed", AtLeastNeeded.Of(Get(s.Needed)))),
            ShortfallCode.TooFewForLag =>
                Fill(ShortfallTemplate(s.Code), ("have", MonthlyValueCount.Of(Get(s.Have))), ("lag", N(Get(s.Lag)))),
            ShortfallCode.ComparisonOverlapsBaseline => Fill(
                ShortfallTemplate(s.Code),
                ("window", N(Get(s.Window))),
                ("comparisonFrom", Get(s.ComparisonFrom).ToString()),
                ("comparisonTo", Get(s.ComparisonTo).ToString()),
                ("baselineFrom", Get(s.BaselineFrom).ToString()),
                ("baselineTo", Get(s.BaselineTo).ToString())),
            ShortfallCode.NoBaselineValue => Fill(ShortfallTemplate(s.Code), ("inner", Sentence(s.Inner ?? throw Missing(nameof(s.Inner))))),
            _ => Fill(ShortfallTemplate(s.Code)),
        };
    }

    /// <summary>
    /// Reads back a sentence this catalogue wrote with <see cref="Sentence"/>: the scorecard JSON carries shortfalls as
    /// their English sentences (the bytes of schema 1), and a scorecard read from JSON renders them in any language
    /// again. Each template is matched, its numbers read, and the result accepted only if it writes the same sentence.
    /// </summary>
    public bool TryParseShortfall(string text, out Shortfall? shortfall)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var code in Enum.GetValues<ShortfallCode>())
        {
            var match = _shortfallPatterns.GetOrAdd(code, c => Pattern(ShortfallTemplate(c))).Match(text);
            if (!match.Success || Read(code, match) is not { } candidate)
            {
                continue;
            }

            try
            {
                if (Sentence(candidate) == text)
                {
                    shortfall = candidate;
                    return true;
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // The numbers matched another code's shape: try the next code.
            }
        }

        shortfall = null;
        return false;
    }

#pragma warning disable CS8524 // See RatingName.
    string ShortfallTemplate(ShortfallCode code) => code switch
    {
        ShortfallCode.TooFewForTrendTest => ShortfallTooFewForTrendTest,
        ShortfallCode.TooFewForSensSlope => ShortfallTooFewForSensSlope,
        ShortfallCode.TooFewSeasons => ShortfallTooFewSeasons,
        ShortfallCode.TooFewBaselineValues => ShortfallTooFewBaselineValues,
        ShortfallCode.TooFewComparisonValues => ShortfallTooFewComparisonValues,
        ShortfallCode.ZeroBaselineMean => ShortfallZeroBaselineMean,
        ShortfallCode.DueNotAfterBaseline => ShortfallDueNotAfterBaseline,
        ShortfallCode.TargetEqualsBaseline => ShortfallTargetEqualsBaseline,
        ShortfallCode.TooFewBeforeIntervention => ShortfallTooFewBeforeIntervention,
        ShortfallCode.TooFewAfterIntervention => ShortfallTooFewAfterIntervention,
        ShortfallCode.TooFewForCoefficients => ShortfallTooFewForCoefficients,
        ShortfallCode.TooFewForLag => ShortfallTooFewForLag,
        ShortfallCode.RankDeficient => ShortfallRankDeficient,
        ShortfallCode.NoCountedValues => ShortfallNoCountedValues,
        ShortfallCode.NoReferenceForChange => ShortfallNoReferenceForChange,
        ShortfallCode.ComparisonOverlapsBaseline => ShortfallComparisonOverlapsBaseline,
        ShortfallCode.NoBaselineValue => ShortfallNoBaselineValue,
    };
#pragma warning restore CS8524

    /// <summary>The template as an anchored pattern: its text literally, each placeholder a lazy named group.</summary>
    static Regex Pattern(string template)
    {
        var pattern = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (Match placeholder in PlaceholderPattern().Matches(template))
        {
            pattern.Append(Regex.Escape(template[at..placeholder.Index])).Append("(?<").Append(placeholder.Groups[1].Value).Append(">.+?)");
            at = placeholder.Index + placeholder.Length;
        }

        return new Regex(pattern.Append(Regex.Escape(template[at..])).Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    Shortfall? Read(ShortfallCode code, Match match)
    {
        var shortfall = new Shortfall { Code = code };
        foreach (var group in match.Groups.Cast<Group>().Where(g => g.Success && g.Name != "0"))
        {
            var value = group.Value;
            switch (group.Name)
            {
                case "inner":
                    if (!TryParseShortfall(value, out var inner))
                    {
                        return null;
                    }

                    shortfall = shortfall with { Inner = inner };
                    break;
                case "month":
                    var month = MonthNames.ToList().IndexOf(value);
                    if (month < 0)
                    {
                        return null;
                    }

                    shortfall = shortfall with { Month = month + 1 };
                    break;
                case "due" or "baseline":
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return null;
                    }

                    shortfall = group.Name == "due" ? shortfall with { Due = date } : shortfall with { Baseline = date };
                    break;
                case "intervention" or "comparisonFrom" or "comparisonTo" or "baselineFrom" or "baselineTo":
                    if (!Ledger.Period.TryParseMonth(value, out var period))
                    {
                        return null;
                    }

                    shortfall = group.Name switch
                    {
                        "intervention" => shortfall with { Intervention = period },
                        "comparisonFrom" => shortfall with { ComparisonFrom = period },
                        "comparisonTo" => shortfall with { ComparisonTo = period },
                        "baselineFrom" => shortfall with { BaselineFrom = period },
                        _ => shortfall with { BaselineTo = period },
                    };
                    break;
                default:
                    // A count, alone ("12") or in its phrase ("12 monthly values", "at least 12 are needed").
                    var digits = NumberPattern().Match(value);
                    if (!digits.Success || !int.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        return null;
                    }

                    shortfall = group.Name switch
                    {
                        "have" => shortfall with { Have = number },
                        "needed" => shortfall with { Needed = number },
                        "years" => shortfall with { Years = number },
                        "count" => shortfall with { Count = number },
                        "coefficients" => shortfall with { Coefficients = number },
                        "lag" => shortfall with { Lag = number },
                        "window" => shortfall with { Window = number },
                        _ => null,
                    };
                    if (shortfall is null)
                    {
                        return null;
                    }

                    break;
            }
        }

        return shortfall;
    }

    static T Get<T>(T? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string name = "")
        where T : struct => value ?? throw Missing(name);

    static ArgumentException Missing(string name) => new($"the shortfall has no {name}");

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("\\{([A-Za-z]+)\\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex NumberPattern();
}
