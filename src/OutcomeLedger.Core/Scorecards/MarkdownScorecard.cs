using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>Renders a scorecard as Markdown (CommonMark with GFM tables) from its JSON model alone; nothing is recomputed.</summary>
public static class MarkdownScorecard
{
    public static string Render(Scorecard scorecard, ScorecardLanguage language)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var t = TextCatalogue.For(language);
        var f = t.Format;
        var md = new StringBuilder(64 * 1024);
        md.Append("# ").Append(t.Scorecard).Append(": ").AppendLine(Inline(scorecard.Agreement.Title)).AppendLine();
        md.Append("**").Append(t.AsOf).Append(":** ").Append(f.Date(scorecard.AsOf))
            .Append(" · **").Append(t.Checkpoint).Append(":** ").Append(Code(scorecard.Checkpoint.Origin))
            .Append(", ").Append(t.TreeSize.ToLowerInvariant()).Append(' ').Append(f.Number(scorecard.Checkpoint.Size, 0))
            .Append(", ").Append(t.RootHash.ToLowerInvariant()).Append(' ').AppendLine(Code(scorecard.Checkpoint.RootHash)).AppendLine();

        md.Append("## ").AppendLine(t.Summary).AppendLine();
        md.Append("| ").Append(t.Commitment).Append(" | ").Append(t.Terms).Append(" | ").Append(t.Rating).Append(" | ").Append(t.DataSays).Append(" | ").Append(t.ConfirmedAxis)
            .Append(" | ").Append(t.StillNeeds).Append(" | ").Append(t.Reason).AppendLine(" |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var c in scorecard.Commitments)
        {
            md.Append("| ").Append(Cell(c.Text)).Append(" | ").Append(Cell(t.TermsSummary(c.Terms))).Append(" | **").Append(t.RatingName(c.Rating)).Append("** | ")
                .Append(t.RatingName(c.Finding ?? c.Rating)).Append(" | ")
                .Append(c.Confirmation is { } confirmation ? Cell(t.Confirmation(confirmation)) : "—").Append(" | ")
                .Append(Cell(t.Needs(c.Needs, AxisSentence.NamesIn(c)))).Append(" | ")
                .Append(Cell(t.Sentence(c.Reason))).AppendLine(" |");
        }

        md.AppendLine();
        // Commitments render independently: on all processors, then joined in order.
        var sections = new StringBuilder[scorecard.Commitments.Count];
        Parallel.For(0, sections.Length, i =>
        {
            sections[i] = new StringBuilder(16 * 1024);
            Commitment(sections[i], scorecard.Commitments[i], t);
        });
        foreach (var section in sections)
        {
            md.Append(section);
        }

        Policy(md, scorecard, t);
        md.Append("## ").AppendLine(t.SignedNote).AppendLine();
        md.AppendLine("```text").Append(scorecard.Checkpoint.SignedNote.TrimEnd('\n')).AppendLine().AppendLine("```").AppendLine();
        md.AppendLine(t.Footer);
        return md.ToString();
    }

    static void Commitment(StringBuilder md, ScorecardCommitment c, TextCatalogue t)
    {
        var f = t.Format;
        md.Append("## ").Append(t.Commitment).Append(": ").AppendLine(Inline(c.Text)).AppendLine();
        md.Append("**").Append(t.Rating).Append(": ").Append(t.RatingName(c.Rating)).Append("** — ").AppendLine(Inline(t.Sentence(c.Reason))).AppendLine();
        Axes(md, c.Finding ?? c.Rating, c.Confirmation, t.Needs(c.Needs, AxisSentence.NamesIn(c)), t);
        md.Append(t.MadeOn).Append(' ').Append(f.Date(c.MadeOn)).Append(" · ").Append(t.Due).Append(": ")
            .Append(c.DueDate is { } due ? f.Date(due) : t.NoDueDate).Append(" · ").Append(t.Responsible).Append(": ")
            .Append(string.Join(", ", c.ResponsibleParties)).Append(" · ").AppendLine(EntryText(c.Entry, t)).AppendLine();
        if (c.Terms is { } terms)
        {
            md.Append("- ").Append(t.Terms).Append(": ").AppendLine(t.Terms(terms));
            Objections(md, terms, t);
            md.AppendLine();
        }

        md.Append("### ").AppendLine(t.Statements).AppendLine();
        foreach (var s in c.Statements)
        {
            md.Append("- ").Append(f.Date(s.Date)).Append(" — **").Append(Inline(s.Title)).Append("** (").Append(t.StatementKindName(s.StatementKind));
            if (s.Speaker is not null)
            {
                md.Append("; ").Append(Inline(s.Speaker));
            }

            md.Append("; ").Append(string.Join(", ", s.Parties)).Append(") [").Append(t.Source).Append("](").Append(LinkDestination(s.SourceUrl)).Append(") · ").AppendLine(EntryText(s.Entry, t));
            foreach (var q in s.Quotes)
            {
                md.Append("  > ").Append(Inline(q.Text)).Append(" *(").Append(q.Lang).AppendLine(")*");
            }
        }

        md.AppendLine();
        md.Append("### ").AppendLine(t.Indicators).AppendLine();
        foreach (var i in c.Indicators)
        {
            Indicator(md, i, t);
        }
    }

    static void Indicator(StringBuilder md, ScorecardIndicator i, TextCatalogue t)
    {
        var f = t.Format;
        md.Append("#### ").Append(Inline(i.Name)).Append(" — ").AppendLine(t.RatingName(i.Rating)).AppendLine();
        md.AppendLine(Inline(t.Sentence(i.Reason))).AppendLine();
        Axes(md, i.Finding ?? i.Rating, i.Confirmation, t.Needs(i.Needs, n => n.Subject), t);
        md.Append("- ").Append(t.Unit).Append(": ").Append(Inline(i.Unit)).Append(" · ").Append(t.DataSource).Append(": ").Append(Inline(i.DataSource)).Append(" · ").AppendLine(EntryText(i.Entry, t));
        if (i.VerificationProtocol is not null)
        {
            md.Append("- ").Append(t.Verification).Append(": ").AppendLine(Inline(i.VerificationProtocol));
        }

        if (i.Terms is { } terms)
        {
            md.Append("- ").Append(t.Terms).Append(": ").AppendLine(t.Terms(terms));
            Objections(md, terms, t);
        }

        if (i.Freshness is { } fresh)
        {
            md.Append("- **").Append(t.Freshness).Append(":** ").AppendLine(Inline(t.FreshnessLine(fresh)));
        }

        if (i.DataNotes is { Count: > 0 } notes)
        {
            md.Append("- **").Append(t.DataNotesHeading).Append(":** ").AppendLine(t.DataNotesExplained);
            foreach (var note in notes)
            {
                md.Append("  - ").Append(Inline(t.DataNoteSentence(note.ToNote(), p => f.Period(p.ToString()), v => f.Figure(v))));
                md.AppendLine(note.Entry is { } entry ? " · " + EntryText(entry, t) : "");
            }
        }

        if (i.Caveat is not null)
        {
            md.Append("- **").Append(t.Caveat).Append(":** ").AppendLine(Inline(i.Caveat));
        }

        if (i.Paired is { } p)
        {
            md.Append("- **").Append(t.PairedWith).Append(":** ").Append(Inline(p.Name)).Append(" — ").Append(t.RatingName(p.Rating)).Append(": ")
                .Append(Inline(t.Sentence(p.Reason)));
            if (p.Reading is not null)
            {
                md.Append(" **").Append(t.PairedReading).Append(":** ").Append(Inline(p.Reading));
            }

            md.AppendLine();
        }

        if (i.Baseline is { } b)
        {
            md.Append("- ").Append(t.Baseline).Append(": ").Append(f.Period(b.From)).Append(" – ").Append(f.Period(b.To));
            if (b.Value is { } v)
            {
                md.Append(": ").Append(f.Value(v)).Append(' ').Append(Inline(i.Unit));
            }

            md.AppendLine();
        }

        foreach (var target in i.Targets)
        {
            md.Append("- ").Append(t.Target).Append(": ");
            md.Append(target.TargetValue is { } tv ? f.Value(tv) + " " + Inline(i.Unit) : "—");
            if (target.RelativeChange is { } rc)
            {
                md.Append(" (").Append(f.SignedPercent((double)rc * 100)).Append(')');
            }

            md.Append(' ').Append(f.Date(target.By)).Append(" · ");
            md.Append(target.Basis == TargetBasis.Illustrative ? "**" + t.Illustrative + "**" : t.TargetBasis(i.Terms));
            if (target.Note is not null)
            {
                md.Append(" · ").Append(Inline(target.Note));
            }

            md.AppendLine();
        }

        md.AppendLine();
        foreach (var s in SeriesSelection.Charted(i))
        {
            Series(md, i, s, t);
        }

        if (SeriesSelection.Overflows(i))
        {
            AllSeries(md, i, t);
        }
    }

    /// <summary>Every series of an indicator with more than are charted, one row each: its latest value, rating and status.</summary>
    static void AllSeries(StringBuilder md, ScorecardIndicator i, TextCatalogue t)
    {
        var (heading, explained) = SeriesSelection.OverviewHeading(i, SeriesSelection.MostCharted, t);
        md.Append("##### ").AppendLine(heading).AppendLine();
        md.AppendLine(explained).AppendLine();
        md.Append("| ").Append(t.SeriesColumn).Append(" | ").Append(t.LatestPeriod).Append(" | ").Append(t.LatestValue).Append(" | ").Append(t.Rating).Append(" | ").Append(t.Status).AppendLine(" |");
        md.AppendLine("| --- | --- | ---: | --- | --- |");
        foreach (var row in SeriesSelection.Overview(i, t))
        {
            md.Append("| ").Append(Cell(row.Name)).Append(" | ").Append(row.Period).Append(" | ").Append(Cell(row.Value)).Append(" | ")
                .Append(t.RatingName(row.Rating)).Append(" | ").Append(row.Status).AppendLine(" |");
        }

        md.AppendLine();
    }

    static void Series(StringBuilder md, ScorecardIndicator i, ScorecardSeries s, TextCatalogue t)
    {
        var f = t.Format;
        if (i.Series.Count > 1 || s.Dimensions.Count > 0)
        {
            md.Append("##### ").Append(s.Dimensions.Count == 0 ? t.Total : Inline(string.Join(", ", s.Dimensions.Select(d => $"{d.Key}: {d.Value}"))))
                .Append(" — ").AppendLine(t.RatingName(s.Rating)).AppendLine();
            md.AppendLine(Inline(t.Sentence(s.Reason))).AppendLine();
        }

        if (s.Window is { } window)
        {
            md.Append("**").Append(t.AssessmentWindow).Append(":** ").Append(t.Window(window)).AppendLine(".").AppendLine();
        }

        md.Append(s.Values).Append(' ').Append(t.Values).Append(", ").Append(s.Counted).Append(' ').Append(t.CountedValues).Append(", ")
            .Append(s.Confirmed).Append(' ').Append(t.ConfirmedValues).Append(", ").Append(s.Disputed).Append(' ').Append(t.DisputedValues).AppendLine(".").AppendLine();

        md.Append("**").Append(t.Statistics).AppendLine("**").AppendLine();
        var st = s.Statistics;
        if (st.ObservedChange is { } oc)
        {
            md.Append("- **").Append(t.ObservedChangeLabel).Append(":** ").AppendLine(ObservedText(oc, i.Unit, f, t));
        }
        else if (st.ObservedChangeInsufficient is { } missing)
        {
            md.Append("- **").Append(t.ObservedChangeLabel).Append(":** ").Append(t.InsufficientData).Append(" (").Append(Inline(t.Sentence(missing))).AppendLine(")");
        }

        if (st.SegmentedRegression is { } r)
        {
            md.Append("- ").Append(t.SegmentedRegression).Append(" (").Append(t.SecondaryEvidence).Append("): n = ").Append(r.Count).Append(" (").Append(r.CountBefore).Append(" + ").Append(r.CountAfter).Append(')')
                .Append(r.MonthEffects ? ", " + t.MonthEffects : "").Append(", ").Append(t.Lag).Append(' ').Append(r.HacLag).AppendLine();
            md.Append("  - ").Append(t.ChangeAtLast).Append(": ").AppendLine(EstimateText(r.ChangeAtLastPeriod, r.Confidence, f, t));
            if (r.PercentChangeAtLastPeriod is { } pc)
            {
                md.Append("  - ").Append(t.PercentChange).Append(": ").AppendLine(EstimateText(pc, r.Confidence, f, t, percent: true));
            }

            md.Append("  - ").Append(t.LevelChange).Append(": ").AppendLine(EstimateText(r.LevelChange, r.Confidence, f, t));
            md.Append("  - ").Append(t.SlopeChange).Append(": ").AppendLine(EstimateText(r.SlopeChange, r.Confidence, f, t));
            md.Append("  - ").Append(t.PreTrend).Append(": ").AppendLine(EstimateText(r.PreTrend, r.Confidence, f, t));
        }
        else
        {
            md.Append("- ").Append(t.SegmentedRegression).Append(": ").Append(t.InsufficientData).Append(" (").Append(Inline(st.SegmentedRegressionInsufficient is { } its ? t.Sentence(its) : "")).AppendLine(")");
        }

        if (st.TrendTest is { } mk)
        {
            md.Append("- ").Append(mk.Seasonal ? t.SeasonalTrendTest : t.TrendTest).Append(" (").Append(t.SecondaryEvidence)
                .Append(mk.From is { } from && mk.To is { } to ? "; " + TextCatalogue.Fill(t.OnPeriods, ("from", f.Period(from)), ("to", f.Period(to))) : "").Append("): S = ").Append(mk.S).Append(", Z = ").Append(f.Number(mk.Z, 2))
                .Append(", ").Append(PValue(mk.PValue, f));
            if (mk.SensSlope is { } slope)
            {
                md.Append("; ").Append(t.SensSlope).Append(": ").Append(f.Value(slope)).Append(" (").Append(f.Value(mk.SensSlopeLower ?? slope)).Append(" – ").Append(f.Value(mk.SensSlopeUpper ?? slope)).Append(')');
            }

            md.AppendLine();
        }
        else if (st.TrendTestInsufficient is not null)
        {
            md.Append("- ").Append(t.TrendTest).Append(": ").Append(t.InsufficientData).Append(" (").Append(Inline(t.Sentence(st.TrendTestInsufficient))).AppendLine(")");
        }

        if (st.RelativeChange is { } rc)
        {
            md.Append("- ").Append(t.RelativeChange).Append(": ").Append(f.SignedPercent(rc.Percent)).Append(" (").Append(f.Period(rc.BaselineFrom)).Append(" – ").Append(f.Period(rc.BaselineTo))
                .Append(": ").Append(f.Value(rc.BaselineMean)).Append("; ").Append(f.Period(rc.ComparisonFrom)).Append(" – ").Append(f.Period(rc.ComparisonTo)).Append(": ").Append(f.Value(rc.ComparisonMean)).AppendLine(")");
        }

        if (st.TargetPath is { } path)
        {
            md.Append("- ").Append(t.TargetPosition).Append(": ").Append(t.Latest).Append(' ').Append(f.Value(path.Latest)).Append(", ").Append(t.Expected).Append(' ').Append(f.Value(path.Expected))
                .Append("; ").Append(f.Percent(path.FractionAchieved * 100)).Append(' ').Append(t.Achieved).Append(", ").Append(f.Percent(path.FractionOfTimeElapsed * 100)).Append(' ').Append(t.TimeElapsed);
            if (path.Basis == TargetBasis.Illustrative)
            {
                md.Append(" (**").Append(t.Illustrative).Append("**)");
            }

            md.AppendLine();
        }

        md.AppendLine();
        if (s.Points.Count == 0)
        {
            return;
        }

        md.Append("| ").Append(t.Period).Append(" | ").Append(t.Reported).Append(" | ").Append(t.Stands).Append(" | ").Append(t.Status).Append(" | ").Append(t.Counts).Append(" | ").Append(t.Entry).AppendLine(" |");
        md.AppendLine("| --- | ---: | ---: | --- | --- | --- |");
        foreach (var p in s.Points)
        {
            md.Append("| ").Append(f.Period(p.Period)).Append(p.Provisional ? " (" + t.Provisional + ")" : "")
                .Append(" | ").Append(f.Figure(p.Reported)).Append(" | ").Append(f.Figures(p.Reported, p.Stands).Second).Append(" | ").Append(t.StatusName(p.Status));
            foreach (var a in p.Attestations.Where(a => a.Verdict is Verdict.Disputed or Verdict.Resolved && a.Figure is not null))
            {
                md.Append("; ").Append(a.Verdict == Verdict.Disputed ? t.DisputedFigure : t.ResolvedTo).Append(' ').Append(a.Party).Append(": ").Append(f.Figures(p.Reported, a.Figure!.Value).Second)
                    .Append(" (").Append(Cell(a.Reason ?? "")).Append(", #").Append(a.Entry.Index).Append(')');
            }

            // A dispute on a value this one corrected is still open on it: both figures stay in view.
            foreach (var d in p.OpenDisputes?.Where(d => d.Figure is not null && p.Attestations.All(a => a.Entry.Index != d.Entry.Index)) ?? [])
            {
                md.Append("; ").Append(t.DisputedFigure).Append(' ').Append(d.Party).Append(": ").Append(f.Exact(d.Figure!.Value))
                    .Append(" (").Append(Cell(d.Reason ?? "")).Append(", ").Append(TextCatalogue.Fill(t.DisputeCarriedOver, ("entry", "#" + d.Entry.Index.ToString(CultureInfo.InvariantCulture)))).Append(')');
            }

            foreach (var correction in p.Corrects)
            {
                md.Append("; ").Append(t.Corrects).Append(' ').Append(f.Figures(p.Reported, correction.Value).Second).Append(" (#").Append(correction.Entry.Index).Append(')');
            }

            md.Append(" | ").Append(p.CountsTowardTrend ? t.Yes : t.No).Append(p.CountsTowardMet ? " (" + t.RatingMet + ")" : "")
                .Append(" | #").Append(p.Entry.Index).Append(' ').Append(Code(p.Entry.LeafHash[..16])).AppendLine(" |");
        }

        md.AppendLine();
    }

    static void Policy(StringBuilder md, Scorecard scorecard, TextCatalogue t)
    {
        var f = t.Format;
        var p = scorecard.Policy;
        md.Append("## ").AppendLine(t.Policy).AppendLine();
        md.AppendLine(p.Entry is { } entry ? "- " + EntryText(entry, t) : "- " + t.DefaultPolicy);
        md.Append("- ").Append(t.CountsTowardMet).Append(": ").AppendLine(string.Join(", ", p.CountsTowardMet.Select(t.PolicyStatusName)));
        md.Append("- ").Append(t.CountsTowardTrend).Append(": ").AppendLine(string.Join(", ", p.CountsTowardTrend.Select(t.PolicyStatusName)));
        md.Append("- ").Append(t.MinVerifiedShare).Append(": ").AppendLine(f.Share((double)p.MinVerifiedShare * 100));
        md.Append("- ").Append(t.SignificantChange).Append(": ").AppendLine(f.Share((double)p.SignificantChange * 100));
        md.Append("- ").Append(t.MinPeriods).Append(": ").Append(p.MinPeriodsBefore).Append(" / ").Append(p.MinPeriodsAfter).AppendLine();
        md.Append("- ").Append(t.ConfidenceLevel).Append(": ").AppendLine(f.Share((double)p.ConfidenceLevel * 100));
        md.Append("- ").Append(t.Rollup).Append(": ").AppendLine(t.RollupName(p.Rollup));
        if (p.DisputeResolvers is { } resolvers)
        {
            md.Append("- ").Append(t.DisputeResolvers).Append(": ").AppendLine(string.Join(", ", resolvers));
        }

        if (p.ResetStatements is { } resets)
        {
            md.Append("- ").Append(t.ResetStatements).Append(": ").AppendLine(string.Join(", ", resets));
        }

        if (p.Verifiers is { } verifiers)
        {
            md.Append("- ").Append(t.CountedVerifiers).Append(": ").AppendLine(string.Join(", ", verifiers));
        }

        md.AppendLine();
    }

    /// <summary>The two axes under a rating: what the data says, what is confirmed, what it still needs.</summary>
    static void Objections(StringBuilder md, ScorecardTerms terms, TextCatalogue t)
    {
        foreach (var o in terms.Objections)
        {
            md.Append("- **").Append(t.ObjectionBy(o)).Append(":** ").Append(Inline(o.Reason)).Append(" · ").AppendLine(EntryText(o.Entry, t));
        }
    }

    static void Axes(StringBuilder md, Evaluation.Rating finding, ScorecardConfirmation? confirmation, string needs, TextCatalogue t)
    {
        md.Append("- ").Append(t.DataSays).Append(": **").Append(t.RatingName(finding)).AppendLine("**");
        if (confirmation is not null)
        {
            md.Append("- ").Append(t.ConfirmedAxis).Append(": ").AppendLine(t.Confirmation(confirmation));
        }

        if (confirmation?.Sources is { Count: > 0 } sources)
        {
            md.Append("- ").Append(t.ConfirmedHow).Append(": ").AppendLine(Inline(t.ConfirmationSources(sources.Select(x => (x.Status, x.Party, x.File, x.Values)))));
        }

        md.Append("- ").Append(t.StillNeeds).Append(": ").AppendLine(Inline(needs)).AppendLine();
    }

    /// <summary>"-15.2% (95% CI -20.1% to -10.3%); mean of Sep 2025 – Dec 2025: 920.1 kg against 1,085 kg, the mean of …".</summary>
    internal static string ObservedText(ScorecardObservedChange oc, string unit, LocalFormat f, TextCatalogue t)
    {
        var interval = TextCatalogue.Fill(t.Interval, ("level", f.Share(oc.Confidence * 100)), ("lower", f.SignedPercent(oc.PercentLower)), ("upper", f.SignedPercent(oc.PercentUpper)));
        var comparison = ReasonSentence.Observed(t, oc.Method, oc.From, oc.To, oc.Mean, oc.BaselineMean, oc.BaselineFrom, oc.BaselineTo, ReasonSentence.UnitSuffix(unit));
        return $"{f.SignedPercent(oc.Percent)} ({interval}); {comparison}";
    }

    internal static string EstimateText(ScorecardEstimate e, double confidence, LocalFormat f, TextCatalogue t, bool percent = false)
    {
        string V(double v) => percent ? f.SignedPercent(v) : f.Value(v);
        var interval = TextCatalogue.Fill(t.EstimateInterval, ("level", f.Share(confidence * 100)), ("lower", V(e.Lower)), ("upper", V(e.Upper)));
        return $"{V(e.Value)} ({interval}; {PValue(e.PValue, f)})";
    }

    internal static string PValue(double p, LocalFormat f) => p < 0.001 ? "p < " + f.Number(0.001, 3) : "p = " + f.Number(p, 3);

    static string EntryText(EntryRef entry, TextCatalogue t) => $"{t.Entry} #{entry.Index} {Code(entry.LeafHash[..16])}";

    static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    /// <summary>
    /// An address from the log as a Markdown link destination (CommonMark §6.3) that stays one link: spaces, controls,
    /// invisible formatting characters, parentheses, angle brackets, double quotes, backticks and backslashes are
    /// percent-encoded as UTF-8 (an address logged before they were refused may hold them), so nothing in it becomes
    /// markup, raw HTML or a second link. An address without them is written as it is.
    /// </summary>
    static string LinkDestination(string url)
    {
        var escaped = new StringBuilder(url.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and not 0x7F and not ('(' or ')' or '<' or '>' or '"' or '\\' or '`')
                && !Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.Format)
            {
                escaped.Append(rune.ToString());
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>Text from the log in running Markdown: characters Markdown would read as markup are escaped.</summary>
    static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(ch is '\n' or '\r' ? ' ' : ch);
        }

        return escaped.ToString();
    }

    static string Cell(string text) => Inline(text);
}
