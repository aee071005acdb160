using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Text;

/// <summary>
/// Finds English from the text catalogue in output meant to be Spanish. The English words are those of every English
/// string of the catalogue (its members, and its sentences for every reason and shortfall code) that differs from its
/// Spanish counterpart, less the words some Spanish string uses where its English twin does not (no, normal, decimal)
/// and the names and terms both languages write alike (<see cref="SharedTerms"/>). A Spanish string that keeps an
/// English word therefore does not make that word Spanish. Data is not the catalogue's: the strings of the model or
/// the log (names, quotes, notes, ids, units) are blanked out before the search, and so are numbers, hashes and
/// anything marked <c>lang="en"</c>. Shared by the Core, Api and Cli tests (linked into theirs).
/// </summary>
internal static partial class EnglishLeaks
{
    /// <summary>Names, commands and technical terms Spanish text writes as English does.</summary>
    public static readonly IReadOnlySet<string> SharedTerms = new HashSet<string>(StringComparer.Ordinal)
    {
        "mann", "kendall", "newey", "west", "sen", "merkle", "rfc", "sha", "webcrypto", "tlog", "proof", "hash", "id", "api", "url", "cli",
        "cookie", "token", "outcomes", "log", "verify", "tiles", "create", "delegated", "key", "dd", "mm", "decimal", "bytes", "json", "xlsx", "csv",
        "feb", "mar", "may", "jun", "jul", "sep", "oct", "nov", "svg", "http", "total",
        // Spanish's plural of "serie" is English's word.
        "series",
    };

    /// <summary>Words only English uses, lower case.</summary>
    public static IReadOnlySet<string> EnglishWords { get; } = BuildEnglishWords();

    /// <summary>
    /// One reason per code, with every number its sentences use, so each template is rendered; the subject and unit
    /// have no letters, so the sentences' words are the catalogue's alone.
    /// </summary>
    public static IEnumerable<(string Name, RatingReason Reason)> SampleReasons()
    {
        var basis = new RatingReason
        {
            Code = ReasonCode.TooEarly,
            Rating = Rating.Unverifiable,
            Underlying = Rating.OnTrack,
            Subject = "X",
            PeriodType = PeriodType.Month,
            Change = new ChangeFinding(-23.4, -31.2, -15.6, 0.95, true),
            Have = 2,
            Needed = 6,
            Counted = 48,
            Confirmed = 7,
            Disputed = 2,
            RequiredShare = 50,
            Threshold = 10,
            Latest = 900,
            Expected = 800,
            Target = 600,
            TargetBy = new DateOnly(2026, 12, 31),
            TargetBasis = TargetBasis.Agreed,
            Unit = "%",
            Parts = new Dictionary<string, int> { ["MET"] = 1, ["ON_TRACK"] = 1, ["UNVERIFIABLE"] = 2 },
            Detail = Shortfall.TooFewAfterIntervention(7, 12, Period.Month(2025, 1)),
        };
        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            yield return (code.ToString(), basis with { Code = code });
        }

        // The variants a code's sentence has: one dispute, an illustrative target, a rise, no change, the mean as
        // reference, other period types, and every shortfall behind a model that could not be fitted.
        yield return ("UnresolvedDispute", basis with { Code = ReasonCode.UnresolvedDisputes, Disputed = 1 });
        yield return ("Illustrative", basis with { Code = ReasonCode.BehindTargetPath, TargetBasis = TargetBasis.Illustrative });
        yield return ("Rose", basis with { Code = ReasonCode.OnTargetPath, Change = new ChangeFinding(12.5, 3, 22, 0.9, false) });
        yield return ("NoChange", basis with { Code = ReasonCode.NoDistinguishableChange, Change = new ChangeFinding(0, -3, 3, 0.95, true) });
        yield return ("Quarterly", basis with { Code = ReasonCode.TooEarly, PeriodType = PeriodType.Quarter });
        yield return ("Annual", basis with { Code = ReasonCode.TooFewAfter, PeriodType = PeriodType.Year });
        var observed = new ChangeFinding(-15.2, -20.1, -10.3, 0.95, false)
        {
            From = "2025-02",
            To = "2026-01",
            Mean = 920.1,
            Count = 12,
            BaselineFrom = "2024-01",
            BaselineTo = "2024-12",
            Baseline = 1085,
        };
        yield return ("Observed", basis with { Code = ReasonCode.SignificantChange, Change = observed });
        yield return ("ObservedStated", basis with { Code = ReasonCode.TooFewConfirmed, Change = observed with { Method = ObservedChangeMethod.StatedBaseline } });
        yield return ("ObservedSameMonths", basis with { Code = ReasonCode.WrongDirection, Change = observed with { Method = ObservedChangeMethod.SameMonths } });
        yield return ("DefaultPolicy", basis with { Code = ReasonCode.BelowThreshold, DefaultPolicy = true });
        yield return ("RecentMean", basis with { Code = ReasonCode.OnTargetPath, LatestPeriods = 3 });
        yield return ("RecentSingle", basis with { Code = ReasonCode.OnTargetPath, LatestPeriods = 1, PeriodType = PeriodType.Quarter });
        yield return ("TooEarlyExpected", basis with { Code = ReasonCode.TooEarly, ExpectedBy = "2026-09" });
        yield return ("NoBaselinePeriods", basis with { Code = ReasonCode.NoBaseline, BaselineFrom = "2024-01", BaselineTo = "2024-12" });
        foreach (var (name, shortfall) in SampleShortfalls())
        {
            yield return ("ModelInsufficient " + name, basis with { Code = ReasonCode.ModelInsufficient, Detail = shortfall });
        }
    }

    /// <summary>Every shortfall code, in its singular and plural forms where it has them.</summary>
    public static IEnumerable<(string Name, Shortfall Shortfall)> SampleShortfalls()
    {
        var month = Period.Month(2025, 1);
        foreach (var n in new[] { 1, 7 })
        {
            yield return ($"TooFewForTrendTest {n}", Shortfall.TooFewForTrendTest(n, 10));
            yield return ($"TooFewForSensSlope {n}", Shortfall.TooFewForSensSlope(n, 10));
            yield return ($"TooFewSeasons {n}", Shortfall.TooFewSeasons(n, 3, 2, n, 12));
            yield return ($"TooFewBaselineValues {n}", Shortfall.TooFewBaselineValues(n, n));
            yield return ($"TooFewComparisonValues {n}", Shortfall.TooFewComparisonValues(n, n));
            yield return ($"TooFewBeforeIntervention {n}", Shortfall.TooFewBeforeIntervention(n, n, month));
            yield return ($"TooFewAfterIntervention {n}", Shortfall.TooFewAfterIntervention(n, n, month));
            yield return ($"TooFewForCoefficients {n}", Shortfall.TooFewForCoefficients(n, 15, n + 15));
            yield return ($"TooFewForLag {n}", Shortfall.TooFewForLag(n, 12));
        }

        yield return ("ZeroBaselineMean", Shortfall.ZeroBaselineMean);
        yield return ("DueNotAfterBaseline", Shortfall.DueNotAfterBaseline(new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1)));
        yield return ("TargetEqualsBaseline", Shortfall.TargetEqualsBaseline);
        yield return ("RankDeficient", Shortfall.RankDeficient);
        yield return ("NoCountedValues", Shortfall.NoCountedValues);
        yield return ("NoReferenceForChange", Shortfall.NoReferenceForChange);
        yield return ("ComparisonOverlapsBaseline", Shortfall.ComparisonOverlapsBaseline(12, Period.Month(2024, 7), Period.Month(2025, 6), Period.Month(2024, 1), Period.Month(2024, 12)));
        yield return ("NoBaselineValue", Shortfall.NoBaselineValue(Shortfall.TooFewBaselineValues(4, 12)));
    }

    /// <summary>Every English string of the catalogue beside its Spanish counterpart.</summary>
    public static IEnumerable<(string Name, string English, string Spanish)> Pairs()
    {
        var english = TextCatalogue.English;
        var spanish = TextCatalogue.Spanish;
        foreach (var property in typeof(TextCatalogue).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (property.GetValue(english), property.GetValue(spanish))
            {
                case (string e, string s):
                    yield return (property.Name, e, s);
                    break;
                case (Plural e, Plural s):
                    yield return (property.Name + ".One", e.One, s.One);
                    yield return (property.Name + ".Other", e.Other, s.Other);
                    break;
                case (IReadOnlyList<string> e, IReadOnlyList<string> s):
                    for (var i = 0; i < e.Count; i++)
                    {
                        yield return ($"{property.Name}[{i}]", e[i], s[i]);
                    }

                    break;
                case (PackText or ExportText or ChartText or DiffText, PackText or ExportText or ChartText or DiffText) when property.GetValue(english) is { } e && property.GetValue(spanish) is { } s:
                    // A group of words (the pack's, the export's): each of its strings and plurals, under the group's name.
                    foreach (var member in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        switch (member.GetValue(e), member.GetValue(s))
                        {
                            case (string one, string other):
                                yield return ($"{property.Name}.{member.Name}", one, other);
                                break;
                            case (Plural one, Plural other):
                                yield return ($"{property.Name}.{member.Name}.One", one.One, other.One);
                                yield return ($"{property.Name}.{member.Name}.Other", one.Other, other.Other);
                                break;
                        }
                    }

                    break;
            }
        }

        foreach (var (name, reason) in SampleReasons())
        {
            yield return ("reason " + name, english.Sentence(reason), spanish.Sentence(reason));
        }

        foreach (var (name, shortfall) in SampleShortfalls())
        {
            yield return ("shortfall " + name, english.Sentence(shortfall), spanish.Sentence(shortfall));
        }
    }

    /// <summary>
    /// The English words found in <paramref name="spanish"/> (plain text or Markdown) once <paramref name="data"/> is
    /// blanked out: each data string where it stands whole (as Markdown writes it too: a link's ")" as %29), or, with
    /// <paramref name="dataByWord"/>, every word of any data string (for tables, which wrap data across lines). A Markdown
    /// code fence's language tag (<c>```text</c>) is syntax, not a word, and is left out too.
    /// </summary>
    public static IReadOnlyList<string> InText(string spanish, IEnumerable<string> data, bool dataByWord = false)
    {
        var text = CodeFence().Replace(spanish.Replace("\\", "", StringComparison.Ordinal), "```");
        var items = data.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var dataWords = dataByWord ? items.SelectMany(Words).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var item in items.SelectMany(d => new[] { d, d.Replace(")", "%29", StringComparison.Ordinal) }).Distinct(StringComparer.Ordinal).OrderByDescending(d => d.Length))
        {
            text = Regex.Replace(text, $"(?<![\\p{{L}}\\p{{N}}]){Regex.Escape(item)}(?![\\p{{L}}\\p{{N}}])", " ");
        }

        text = WithDigits().Replace(Placeholder().Replace(text, " "), " ");
        var found = new List<string>();
        foreach (Match word in Word().Matches(text))
        {
            var lower = word.Value.ToLowerInvariant();
            if (word.Length >= 2 && EnglishWords.Contains(lower) && !dataWords.Contains(lower))
            {
                var from = Math.Max(0, word.Index - 40);
                found.Add($"'{word.Value}' in \"…{text[from..Math.Min(text.Length, word.Index + word.Length + 40)].ReplaceLineEndings(" ")}…\"");
            }
        }

        return found;
    }

    /// <summary>
    /// The English words in an HTML page meant to be Spanish: its text, and the attributes people read (title, alt,
    /// aria-label, placeholder, and the script's data-messages); scripts, styles and lang="en" elements are left out.
    /// </summary>
    public static IReadOnlyList<string> InHtml(string html, IEnumerable<string> data)
    {
        var page = Scripts().Replace(html, " ");
        page = EnglishElements().Replace(page, " ");
        var read = new List<string>();
        foreach (Match attribute in ReadAttributes().Matches(page))
        {
            var value = WebUtility.HtmlDecode(attribute.Groups[2].Value);
            read.Add(attribute.Groups[1].Value == "data-messages"
                ? string.Join(" ", JsonSerializer.Deserialize<Dictionary<string, string>>(value)!.Values)
                : value);
        }

        read.Add(WebUtility.HtmlDecode(Tags().Replace(page, " ")));
        return InText(string.Join("\n", read), data);
    }

    /// <summary>
    /// Every string reachable from <paramref name="root"/> (a scorecard, a ledger's records): the data an output shows
    /// as logged. Codes the outputs put in words are left out, and so are the English sentences a model carries for
    /// the JSON (<see cref="RatingReason.Text"/>).
    /// </summary>
    public static IEnumerable<string> Data(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var found = new List<string>();
        Walk(root, found, seen, 0);
        return found;
    }

    static void Walk(object? value, List<string> found, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 24)
        {
            return;
        }

        var type = value.GetType();
        if (value is string s)
        {
            found.Add(s);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is decimal or DateOnly or DateTimeOffset or DateTime or Period or Period or Shortfall || !seen.Add(value))
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Key, found, seen, depth + 1);
                Walk(entry.Value, found, seen, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, found, seen, depth + 1);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || NotData(type, property.Name))
            {
                continue;
            }

            Walk(property.GetValue(value), found, seen, depth + 1);
        }
    }

    static bool NotData(Type type, string property) =>
        (type == typeof(RatingReason) && property == nameof(RatingReason.Text))
        || (type == typeof(Scorecard) && property == nameof(Scorecard.Schema))
        || (type == typeof(ScorecardPolicy) && property is nameof(ScorecardPolicy.CountsTowardMet) or nameof(ScorecardPolicy.CountsTowardTrend) or nameof(ScorecardPolicy.Rollup))
        || (type == typeof(EvaluationPolicy) && property is nameof(EvaluationPolicy.CountsTowardMet) or nameof(EvaluationPolicy.CountsTowardTrend) or nameof(EvaluationPolicy.Rollup));

    static HashSet<string> BuildEnglishWords()
    {
        var pairs = Pairs().Where(p => p.English != p.Spanish).ToList();
        var spanish = pairs.SelectMany(p => Words(p.Spanish).Except(Words(p.English))).ToHashSet(StringComparer.Ordinal);
        return pairs.SelectMany(p => Words(p.English)).Where(w => !spanish.Contains(w) && !SharedTerms.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The words of a catalogue string, lower case, without its placeholders.</summary>
    public static IEnumerable<string> Words(string text) =>
        Word().Matches(Placeholder().Replace(text, " ")).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2);

    [GeneratedRegex("\\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex("\\{[A-Za-z]+\\}")]
    private static partial Regex Placeholder();

    /// <summary>Numbers, periods, hashes and anything else with a digit in it.</summary>
    [GeneratedRegex("[^\\s(),;:]*\\d[^\\s(),;:]*")]
    private static partial Regex WithDigits();

    [GeneratedRegex("<(script|style)\\b[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<(\\w+)\\b[^>]*\\slang=\"en\"[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex EnglishElements();

    [GeneratedRegex("\\s(title|alt|aria-label|placeholder|data-messages)=\"([^\"]*)\"")]
    private static partial Regex ReadAttributes();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("^```[A-Za-z]+", RegexOptions.Multiline)]
    private static partial Regex CodeFence();
}
