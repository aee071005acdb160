using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Words for the two axes shown beside every one-word rating: what is confirmed (<see cref="Confirmation"/>), what
/// a rating still needs (<see cref="Need"/>, <see cref="Needs"/>) and the assessment window (<see cref="Window"/>),
/// from the catalogue's templates, for every renderer (Markdown, HTML, the CLI's tables).
/// </summary>
public static class AxisSentence
{
    /// <summary>"40 of 48 confirmed (83.3%; 50% needed), 1 open dispute".</summary>
    public static string Confirmation(this TextCatalogue text, ScorecardConfirmation confirmation)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(confirmation);
        var f = text.Format;
        return TextCatalogue.Fill(
            text.ConfirmationSummary,
            ("confirmed", f.Number(confirmation.Confirmed, 0)),
            ("values", f.Number(confirmation.Values, 0)),
            ("share", f.Percent(confirmation.Share)),
            ("required", f.Share(confirmation.RequiredShare)),
            ("disputes", text.OpenDisputeCount.Of(confirmation.OpenDisputes)));
    }

    /// <summary>One need as a phrase, after the name of what needs it when <paramref name="name"/> is given.</summary>
    public static string Need(this TextCatalogue text, ScorecardNeed need, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(need);
        var f = text.Format;
        var count = need.Count ?? 0;
        var from = ("from", f.Period(need.From ?? ""));
        var to = ("to", f.Period(need.To ?? ""));
        var range = ("range", need.From == need.To ? f.Period(need.From ?? "") : TextCatalogue.Fill(text.PeriodRange, from, to));
        var phrase = need.Code switch
        {
            NeedCode.MoreData => TextCatalogue.Fill(
                need.Overdue == true ? text.NeedMoreDataOverdue : text.NeedMoreData,
                ("count", text.MorePeriods(need.PeriodType, count)),
                ("expectedBy", f.Period(need.ExpectedBy ?? ""))),
            NeedCode.CurrentData => TextCatalogue.Fill(
                text.NeedCurrentData, ("latest", f.Period(need.From ?? "")), ("dueBy", f.Period(need.ExpectedBy ?? ""))),
            NeedCode.Baseline => TextCatalogue.Fill(text.NeedBaseline, ("count", text.MoreValues.Of(count)), range),
            NeedCode.Acknowledgement => TextCatalogue.Fill(
                text.NeedAcknowledgement, ("parties", string.Join(", ", need.Parties ?? [])), ("count", text.MoreValues.Of(count)), range),
            NeedCode.DisputeResolution => TextCatalogue.Fill(
                need.Periods is { Count: 1 } ? text.NeedDispute : text.NeedDisputes,
                ("periods", string.Join(", ", (need.Periods ?? []).Select(f.Period)))),
            _ => throw new ArgumentOutOfRangeException(nameof(need), need.Code, null),
        };
        return name is null ? phrase : name + ": " + phrase;
    }

    /// <summary>
    /// What a commitment or an indicator still needs, one phrase per need joined by "; ", each after the indicator's
    /// name (and the series' subject) when <paramref name="names"/> resolves it; "nothing more" when nothing.
    /// </summary>
    public static string Needs(this TextCatalogue text, IReadOnlyList<ScorecardNeed>? needs, Func<ScorecardNeed, string?>? names = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (needs is null || needs.Count == 0)
        {
            return text.NeedNothing;
        }

        // One group per name, in the order the needs come: "A: needs x; needs y — B: needs z".
        var groups = new List<(string? Name, List<string> Phrases)>();
        foreach (var need in needs)
        {
            var name = names?.Invoke(need);
            if (groups.Count == 0 || groups[^1].Name != name)
            {
                groups.Add((name, []));
            }

            groups[^1].Phrases.Add(text.Need(need));
        }

        return string.Join(" — ", groups.Select(g => (g.Name is null ? "" : g.Name + ": ") + string.Join("; ", g.Phrases)));
    }

    /// <summary>"baseline Sep 2024 – Aug 2025; assessed Sep 2025 – Dec 2026, from the commitment of 3 Sep 2025".</summary>
    public static string Window(this TextCatalogue text, ScorecardWindow window)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(window);
        var f = text.Format;
        return TextCatalogue.Fill(
            window.Statement is null ? text.WindowText : text.WindowFromStatementText,
            ("baselineFrom", f.Period(window.BaselineFrom)),
            ("baselineTo", f.Period(window.BaselineTo)),
            ("from", f.Period(window.From)),
            ("to", f.Period(window.To)),
            ("date", f.Date(window.StartDate)),
            ("statement", window.Statement ?? ""));
    }

    /// <summary>
    /// The name to put before a need gathered on a commitment: the series' subject, or its indicator's name when the
    /// commitment has several indicators.
    /// </summary>
    public static Func<ScorecardNeed, string?> NamesIn(ScorecardCommitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (commitment.Indicators.Count == 1)
        {
            return need => need.Subject;
        }

        var names = commitment.Indicators.ToDictionary(i => i.Id, i => i.Name, StringComparer.Ordinal);
        return need => need.Subject ?? (need.Indicator is { } id && names.TryGetValue(id, out var name) ? name : null);
    }
}
