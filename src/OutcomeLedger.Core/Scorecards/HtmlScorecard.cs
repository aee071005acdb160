using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Renders a scorecard as one self-contained HTML file from its JSON model alone: inline CSS and SVG, no scripts and
/// no external requests, readable on a phone and in print. Quotes keep their language (marked with lang).
/// </summary>
public static class HtmlScorecard
{
    const string StyleBefore = """
        :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#fff;--soft:#f5f7fa}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
        main{max-width:62rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-top:2px solid var(--ink);padding-top:.75rem}
        h3{font-size:1.1rem;margin:1.5rem 0 .25rem}h4{font-size:1rem;margin:1rem 0 .25rem}
        .meta,.small{color:var(--muted);font-size:.875rem}
        code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8em;word-break:break-all}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .scroll{overflow-x:auto}
        .badge{display:inline-block;padding:.1rem .5rem;border-radius:.25rem;font-weight:700;font-size:.8rem;letter-spacing:.02em;color:#fff;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .r-met{background:#005a41}.r-met::before{content:"\2713\00a0"}.r-on-track{background:#fff;color:#005a8c;box-shadow:inset 0 0 0 2px #0072b2}.r-incremental{background:#b7791f}.r-stalled{background:#616e7c}
        .r-regressed{background:#b91c1c}.r-unverifiable{background:#6d28d9}.r-not-yet-assessed{background:#334e68}
        .reason{margin:.25rem 0 .75rem}
        .note{border-left:4px solid #b7791f;background:#fffbea;padding:.5rem .75rem;margin:.5rem 0}
        .paired{border-left:4px solid #334e68;background:var(--soft);padding:.5rem .75rem;margin:.5rem 0}
        .illustrative{font-weight:700;color:#8d2b0b}
        .indicator{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0;break-inside:avoid-page}
        blockquote{margin:.25rem 0 .25rem 1rem;padding-left:.75rem;border-left:3px solid var(--line);font-style:italic}
        ol.statements{padding-left:1.5rem}ol.statements li{margin:.5rem 0}
        table.summary tr.rated td{border-bottom:none}table.summary tr.why td{padding-top:0;font-size:.85rem}
        table.summary dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:0}table.summary dt{color:var(--muted)}table.summary dd{margin:0}
        """;

    const string StyleAfter = """
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0;font-size:.9rem}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
        details{margin:.5rem 0}summary{cursor:pointer;color:var(--muted)}
        pre{white-space:pre-wrap;word-break:break-all;background:var(--soft);padding:.75rem;font-size:.8rem}
        @media (max-width:40rem){main{padding:.5rem}table{font-size:.8rem}th,td{padding:.25rem}dl.facts{grid-template-columns:1fr}.indicator{padding:.5rem}svg.chart{min-width:34rem}table.summary thead{display:none}table.summary tr,table.summary td{display:block;border:none;padding:.15rem 0}table.summary tr{border-bottom:1px solid var(--line);padding:.5rem 0}}
        @media print{body{font-size:11pt}main{max-width:none;padding:0}h2{break-before:page}h2.first{break-before:auto}.indicator{border:none;padding:0}details{display:none}}
        """;

    public static string Render(Scorecard scorecard, ScorecardLanguage language) => Render(scorecard, language, ChartWindow.Assessment);

    /// <summary>
    /// The scorecard page with its charts over <paramref name="window"/>: the assessment window (with the full history in
    /// a closed disclosure beneath each chart), or every period in the log.
    /// </summary>
    public static string Render(Scorecard scorecard, ScorecardLanguage language, ChartWindow window)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var t = TextCatalogue.For(language);
        var f = t.Format;
        var h = new StringBuilder(256 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Code).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.Append("<title>").Append(E(t.Scorecard + ": " + scorecard.Agreement.Title)).Append("</title><style>").Append(StyleBefore).Append('\n').Append(ScorecardChart.Css).Append('\n').Append(StyleAfter).Append("</style></head><body><main>\n");
        h.Append("<header><h1>").Append(E(t.Scorecard)).Append(": ").Append(E(scorecard.Agreement.Title)).Append("</h1>");
        h.Append("<p class=\"meta\">").Append(E(t.AsOf)).Append(": ").Append(E(f.Date(scorecard.AsOf))).Append(" · ").Append(E(t.Checkpoint)).Append(": <code>")
            .Append(E(scorecard.Checkpoint.Origin)).Append("</code>, ").Append(E(t.TreeSize.ToLowerInvariant())).Append(' ').Append(E(f.Number(scorecard.Checkpoint.Size, 0)))
            .Append(", ").Append(E(t.RootHash.ToLowerInvariant())).Append(" <code>").Append(E(scorecard.Checkpoint.RootHash)).Append("</code> · ")
            .Append(E(string.Join(", ", scorecard.Agreement.Parties.Select(p => p.Name)))).Append("</p></header>\n");

        h.Append("<h2 class=\"first\" id=\"summary\">").Append(E(t.Summary)).Append("</h2><div class=\"scroll\"><table class=\"summary\"><thead><tr><th>").Append(E(t.Commitment)).Append("</th><th>")
            .Append(E(t.Terms)).Append("</th><th>").Append(E(t.Rating)).Append("</th><th>").Append(E(t.DataSays)).Append("</th><th>").Append(E(t.ConfirmedAxis))
            .Append("</th></tr></thead><tbody>");
        // What a commitment still needs and the reason for its rating are sentences: they get the table's full width
        // in a row of their own under the commitment's, not two narrow columns a page tall.
        foreach (var c in scorecard.Commitments)
        {
            h.Append("<tr class=\"rated\"><td><a href=\"#c-").Append(E(c.Id)).Append("\">").Append(E(c.Text)).Append("</a></td><td>").Append(E(t.TermsSummary(c.Terms))).Append("</td><td>").Append(Badge(c.Rating, t)).Append("</td><td>")
                .Append(Badge(c.Finding ?? c.Rating, t)).Append("</td><td>").Append(c.Confirmation is { } confirmation ? E(t.Confirmation(confirmation)) : "—").Append("</td></tr>")
                .Append("<tr class=\"why\"><td colspan=\"5\"><dl><dt>").Append(E(t.StillNeeds)).Append("</dt><dd>").Append(E(t.Needs(c.Needs, AxisSentence.NamesIn(c))))
                .Append("</dd><dt>").Append(E(t.Reason)).Append("</dt><dd>").Append(E(t.Sentence(c.Reason))).Append("</dd></dl></td></tr>");
        }

        h.Append("</tbody></table></div>\n");
        // Commitments render independently: on all processors, then joined in order.
        var sections = new StringBuilder[scorecard.Commitments.Count];
        Parallel.For(0, sections.Length, i =>
        {
            sections[i] = new StringBuilder(16 * 1024);
            Commitment(sections[i], scorecard.Commitments[i], window, t);
        });
        var tail = new StringBuilder();
        Policy(tail, scorecard, t);
        tail.Append("<h2>").Append(E(t.SignedNote)).Append("</h2><pre>").Append(E(scorecard.Checkpoint.SignedNote)).Append("</pre>");
        tail.Append("<p class=\"small\">").Append(E(t.Footer)).Append("</p>\n</main></body></html>\n");
        return Join([h, .. sections, tail]);
    }

    /// <summary>
    /// The parts copied once into the page's string: a scorecard of 1,000 indicators is about 90 million characters, and
    /// joining its parts in a builder first doubled the copying (the largest single cost of rendering it).
    /// </summary>
    static string Join(StringBuilder[] parts) =>
        string.Create(parts.Sum(p => p.Length), parts, static (page, parts) =>
        {
            foreach (var part in parts)
            {
                foreach (var chunk in part.GetChunks())
                {
                    chunk.Span.CopyTo(page);
                    page = page[chunk.Length..];
                }
            }
        });

    static void Commitment(StringBuilder h, ScorecardCommitment c, ChartWindow window, TextCatalogue t)
    {
        var f = t.Format;
        var full = TimeAxis.For(c, ChartWindow.Full);
        var assessment = TimeAxis.For(c, ChartWindow.Assessment, full);
        var axis = window == ChartWindow.Full ? full : assessment;
        h.Append("<section id=\"c-").Append(E(c.Id)).Append("\"><h2>").Append(E(c.Text)).Append("</h2>");
        h.Append("<p class=\"reason\">").Append(Badge(c.Rating, t)).Append(' ').Append(E(t.Sentence(c.Reason))).Append("</p>");
        Axes(h, c.Finding ?? c.Rating, c.Confirmation, t.Needs(c.Needs, AxisSentence.NamesIn(c)), t);
        h.Append("<dl class=\"facts\"><dt>").Append(E(t.MadeOn)).Append("</dt><dd>").Append(E(f.Date(c.MadeOn))).Append("</dd><dt>").Append(E(t.Due)).Append("</dt><dd>")
            .Append(E(c.DueDate is { } due ? f.Date(due) : t.NoDueDate)).Append("</dd><dt>").Append(E(t.Responsible)).Append("</dt><dd>").Append(E(string.Join(", ", c.ResponsibleParties)))
            .Append("</dd><dt>").Append(E(t.Entry)).Append("</dt><dd>").Append(Entry(c.Entry)).Append("</dd></dl>");
        Terms(h, c.Terms, t);

        h.Append("<h3>").Append(E(t.Statements)).Append("</h3><ol class=\"statements\">");
        foreach (var s in c.Statements)
        {
            h.Append("<li><strong>").Append(E(f.Date(s.Date))).Append("</strong> — ").Append(E(s.Title)).Append(" <span class=\"small\">(").Append(E(t.StatementKindName(s.StatementKind)));
            if (s.Speaker is not null)
            {
                h.Append("; ").Append(E(s.Speaker));
            }

            h.Append("; ").Append(E(string.Join(", ", s.Parties))).Append(") <a href=\"").Append(E(s.SourceUrl)).Append("\" rel=\"noreferrer\">").Append(E(t.Source)).Append("</a> · ")
                .Append(Entry(s.Entry)).Append("</span>");
            foreach (var q in s.Quotes)
            {
                h.Append("<blockquote lang=\"").Append(E(q.Lang)).Append("\">“").Append(E(q.Text)).Append("”</blockquote>");
            }

            h.Append("</li>");
        }

        h.Append("</ol><h3>").Append(E(t.Results)).Append("</h3>");
        if (TimeAxis.Sentence(axis, window == ChartWindow.Full ? assessment : full, window, t) is { } shown)
        {
            h.Append("<p class=\"small\">").Append(E(shown)).Append("</p>");
        }

        foreach (var i in c.Indicators)
        {
            Indicator(h, c, i, axis, full, t);
        }

        h.Append("</section>\n");
    }

    static void Indicator(StringBuilder h, ScorecardCommitment c, ScorecardIndicator i, TimeAxis axis, TimeAxis full, TextCatalogue t)
    {
        var f = t.Format;
        h.Append("<article class=\"indicator\" id=\"i-").Append(E(i.Id)).Append("\"><h4>").Append(E(i.Name)).Append(' ').Append(Badge(i.Rating, t)).Append("</h4>");
        h.Append("<p class=\"reason\">").Append(E(t.Sentence(i.Reason))).Append("</p>");
        Axes(h, i.Finding ?? i.Rating, i.Confirmation, t.Needs(i.Needs, n => n.Subject), t);
        Terms(h, i.Terms, t);
        if (i.Freshness is { } fresh)
        {
            h.Append(fresh.Overdue == true ? "<p class=\"note overdue\"><strong>" : "<p class=\"note\"><strong>").Append(E(t.Freshness)).Append(":</strong> ").Append(E(t.FreshnessLine(fresh))).Append("</p>");
        }

        if (i.DataNotes is { Count: > 0 } notes)
        {
            h.Append("<div class=\"note data-notes\"><strong>").Append(E(t.DataNotesHeading)).Append(":</strong> ").Append(E(t.DataNotesExplained)).Append("<ul>");
            foreach (var note in notes)
            {
                h.Append("<li>").Append(E(t.DataNoteSentence(note.ToNote(), p => f.Period(p.ToString()), v => f.Figure(v)))).Append("</li>");
            }

            h.Append("</ul></div>");
        }

        if (i.Caveat is not null)
        {
            h.Append("<p class=\"note\"><strong>").Append(E(t.Caveat)).Append(":</strong> ").Append(E(i.Caveat)).Append("</p>");
        }

        if (i.Paired is { } p)
        {
            h.Append("<div class=\"paired\"><strong>").Append(E(t.PairedWith)).Append(":</strong> <a href=\"#i-").Append(E(p.Indicator)).Append("\">").Append(E(p.Name)).Append("</a> ")
                .Append(Badge(p.Rating, t)).Append("<br>").Append(E(t.Sentence(p.Reason)));
            if (p.Reading is not null)
            {
                h.Append("<br><strong>").Append(E(t.PairedReading)).Append(":</strong> ").Append(E(p.Reading));
            }

            h.Append("</div>");
        }

        h.Append("<dl class=\"facts\"><dt>").Append(E(t.Unit)).Append("</dt><dd>").Append(E(i.Unit)).Append("</dd><dt>").Append(E(t.DataSource)).Append("</dt><dd>").Append(E(i.DataSource)).Append("</dd>");
        if (i.VerificationProtocol is not null)
        {
            h.Append("<dt>").Append(E(t.Verification)).Append("</dt><dd>").Append(E(i.VerificationProtocol)).Append("</dd>");
        }

        if (i.Baseline is { } b)
        {
            h.Append("<dt>").Append(E(t.Baseline)).Append("</dt><dd>").Append(E(f.Period(b.From))).Append(" – ").Append(E(f.Period(b.To)));
            if (b.Value is { } v)
            {
                h.Append(": ").Append(E(f.Value(v))).Append(' ').Append(E(i.Unit));
            }

            h.Append("</dd>");
        }

        foreach (var target in i.Targets)
        {
            h.Append("<dt>").Append(E(t.Target)).Append("</dt><dd>").Append(target.TargetValue is { } tv ? E(f.Value(tv) + " " + i.Unit) : "—");
            if (target.RelativeChange is { } rc)
            {
                h.Append(" (").Append(E(f.SignedPercent((double)rc * 100))).Append(')');
            }

            h.Append(", ").Append(E(f.Date(target.By))).Append(" · ");
            h.Append(target.Basis == TargetBasis.Illustrative ? "<span class=\"illustrative\">" + E(t.Illustrative) + "</span>" : E(t.TargetBasis(i.Terms)));
            if (target.Note is not null)
            {
                h.Append(" · ").Append(E(target.Note));
            }

            h.Append("</dd>");
        }

        h.Append("<dt>").Append(E(t.Entry)).Append("</dt><dd>").Append(Entry(i.Entry)).Append("</dd></dl>");
        foreach (var s in SeriesSelection.Charted(i))
        {
            Series(h, c, i, s, axis, full, t);
        }

        if (SeriesSelection.Overflows(i))
        {
            AllSeries(h, i, t);
        }

        h.Append("</article>\n");
    }

    /// <summary>Every series of an indicator with more than are charted, one row each: its latest value, rating and status.</summary>
    static void AllSeries(StringBuilder h, ScorecardIndicator i, TextCatalogue t)
    {
        var (heading, explained) = SeriesSelection.OverviewHeading(i, SeriesSelection.MostCharted, t);
        h.Append("<h4>").Append(E(heading)).Append("</h4><p class=\"small\">").Append(E(explained)).Append("</p>");
        h.Append("<div class=\"scroll\"><table class=\"series\"><thead><tr><th>").Append(E(t.SeriesColumn)).Append("</th><th>").Append(E(t.LatestPeriod)).Append("</th><th>")
            .Append(E(t.LatestValue)).Append("</th><th>").Append(E(t.Rating)).Append("</th><th>").Append(E(t.Status)).Append("</th></tr></thead><tbody>");
        foreach (var row in SeriesSelection.Overview(i, t))
        {
            h.Append("<tr><td>").Append(E(row.Name)).Append("</td><td>").Append(E(row.Period)).Append("</td><td class=\"num\">").Append(E(row.Value))
                .Append("</td><td>").Append(Badge(row.Rating, t)).Append("</td><td>").Append(E(row.Status)).Append("</td></tr>");
        }

        h.Append("</tbody></table></div>");
    }

    /// <summary>The chart as an SVG file and its values as CSV, carried in the page itself (data addresses), so the file stays self-contained.</summary>
    static void Downloads(StringBuilder h, string chart, ScorecardIndicator i, ScorecardSeries s, TextCatalogue t)
    {
        var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(ScorecardChart.Standalone(chart)));
        var csv = Convert.ToBase64String(Encoding.UTF8.GetBytes(ScorecardChart.Csv(i, s, t)));
        h.Append("<p class=\"small downloads\">").Append(E(t.Chart.Download)).Append(" <a download=\"").Append(E(ScorecardChart.FileName(i, s, "svg"))).Append("\" href=\"data:image/svg+xml;base64,").Append(svg).Append("\">")
            .Append(E(t.Chart.DownloadSvg)).Append("</a> · <a download=\"").Append(E(ScorecardChart.FileName(i, s, "csv"))).Append("\" href=\"data:text/csv;charset=utf-8;base64,").Append(csv).Append("\">")
            .Append(E(t.Chart.DownloadCsv)).Append("</a></p>");
    }

    static void Series(StringBuilder h, ScorecardCommitment c, ScorecardIndicator i, ScorecardSeries s, TimeAxis axis, TimeAxis full, TextCatalogue t)
    {
        var f = t.Format;
        if (i.Series.Count > 1 || s.Dimensions.Count > 0)
        {
            h.Append("<h4>").Append(E(s.Dimensions.Count == 0 ? t.Total : string.Join(", ", s.Dimensions.Select(d => $"{d.Key}: {d.Value}")))).Append(' ').Append(Badge(s.Rating, t)).Append("</h4>");
            h.Append("<p class=\"reason\">").Append(E(t.Sentence(s.Reason))).Append("</p>");
        }

        var chart = new StringBuilder();
        ScorecardChart.Write(chart, i, s, c, axis, t);
        var drawn = chart.ToString();
        h.Append("<div class=\"scroll\">").Append(drawn).Append("</div>");
        ScorecardChart.WriteLegend(h, s, i, t);
        Downloads(h, drawn, i, s, t);

        // The whole history on demand, without a script: a closed disclosure holding the chart over every period.
        if (full != axis)
        {
            h.Append("<details class=\"history\"><summary>").Append(E(t.Chart.FullHistory)).Append(" (").Append(E(f.Date(full.From))).Append(" – ").Append(E(f.Date(full.To))).Append(")</summary><div class=\"scroll\">");
            ScorecardChart.Write(h, i, s, c, full, t);
            h.Append("</div></details>");
        }
        if (s.Window is { } window)
        {
            h.Append("<p class=\"small\">").Append(E(t.AssessmentWindow)).Append(": ").Append(E(t.Window(window))).Append(".</p>");
        }

        h.Append("<p class=\"small\">").Append(s.Values).Append(' ').Append(E(t.Values)).Append(", ").Append(s.Counted).Append(' ').Append(E(t.CountedValues)).Append(", ")
            .Append(s.Confirmed).Append(' ').Append(E(t.ConfirmedValues)).Append(", ").Append(s.Disputed).Append(' ').Append(E(t.DisputedValues)).Append(".</p>");

        var disputes = s.Points.Where(p => p.Attestations.Any(a => a.Verdict is Verdict.Disputed or Verdict.Resolved or Verdict.VerificationFailed) || p.Corrects.Count > 0 || p.OpenDisputes is not null).ToList();
        if (disputes.Count > 0)
        {
            h.Append("<h4>").Append(E(t.Disputes)).Append("</h4><div class=\"scroll\"><table><thead><tr><th>").Append(E(t.Period)).Append("</th><th>").Append(E(t.Reported)).Append("</th><th>")
                .Append(E(t.Stands)).Append("</th><th>").Append(E(t.Status)).Append("</th></tr></thead><tbody>");
            foreach (var p in disputes)
            {
                h.Append("<tr><td>").Append(E(f.Period(p.Period))).Append("</td><td class=\"num\">").Append(E(f.Figure(p.Reported))).Append("</td><td class=\"num\">").Append(E(f.Figures(p.Reported, p.Stands).Second))
                    .Append("</td><td>").Append(E(t.StatusName(p.Status))).Append(" · ").Append(Entry(p.Entry));
                foreach (var a in p.Attestations.Where(a => a.Verdict is Verdict.Disputed or Verdict.Resolved or Verdict.VerificationFailed))
                {
                    h.Append("<br>").Append(E(t.VerdictName(a.Verdict))).Append(" (").Append(E(a.Party)).Append(')');
                    if (a.Figure is { } figure)
                    {
                        h.Append(": <strong>").Append(E(f.Figures(p.Reported, figure).Second)).Append("</strong>");
                    }

                    if (a.Reason is not null)
                    {
                        h.Append(" — ").Append(E(a.Reason));
                    }

                    h.Append(" · ").Append(Entry(a.Entry));
                }

                // A dispute on a value this one corrected is still open on it: both figures stay in view.
                foreach (var d in p.OpenDisputes?.Where(d => p.Attestations.All(a => a.Entry.Index != d.Entry.Index)) ?? [])
                {
                    h.Append("<br>").Append(E(t.StatusDisputed)).Append(" (").Append(E(d.Party)).Append(')');
                    if (d.Figure is { } figure)
                    {
                        h.Append(": <strong>").Append(E(f.Exact(figure))).Append("</strong>");
                    }

                    h.Append(" — ").Append(E(TextCatalogue.Fill(t.DisputeCarriedOver, ("entry", "#" + d.Entry.Index.ToString(CultureInfo.InvariantCulture))))).Append(" · ").Append(Entry(d.Entry));
                }

                foreach (var correction in p.Corrects)
                {
                    h.Append("<br>").Append(E(t.Corrects)).Append(' ').Append(E(f.Figures(p.Reported, correction.Value).Second)).Append(" · ").Append(Entry(correction.Entry));
                }

                h.Append("</td></tr>");
            }

            h.Append("</tbody></table></div>");
        }

        Statistics(h, s.Statistics, i.Unit, t);
        if (s.Points.Count > 0)
        {
            h.Append("<details><summary>").Append(E(t.Values)).Append(" (").Append(s.Points.Count).Append(")</summary><div class=\"scroll\"><table><thead><tr><th>").Append(E(t.Period)).Append("</th><th>")
                .Append(E(t.Reported)).Append("</th><th>").Append(E(t.Stands)).Append("</th><th>").Append(E(t.Status)).Append("</th><th>").Append(E(t.Counts)).Append("</th><th>").Append(E(t.Entry))
                .Append("</th></tr></thead><tbody>");
            foreach (var p in s.Points)
            {
                // A value that stands as reported is written once (Figures gives the same text for equal figures).
                var reported = f.Figure(p.Reported);
                h.Append("<tr><td>").Append(E(f.Period(p.Period))).Append(p.Provisional ? " (" + E(t.Provisional) + ")" : "").Append("</td><td class=\"num\">").Append(E(reported))
                    .Append("</td><td class=\"num\">").Append(E(p.Stands == p.Reported ? reported : f.Figures(p.Reported, p.Stands).Second)).Append("</td><td>").Append(E(t.StatusName(p.Status))).Append("</td><td>")
                    .Append(E(p.CountsTowardTrend ? t.Yes : t.No)).Append(p.CountsTowardMet ? " (" + t.RatingMet + ")" : "").Append("</td><td>");
                AppendEntry(h, p.Entry).Append("</td></tr>");
            }

            h.Append("</tbody></table></div></details>");
        }
    }

    static void Statistics(StringBuilder h, ScorecardStatistics st, string unit, TextCatalogue t)
    {
        var f = t.Format;
        h.Append("<h4>").Append(E(t.Statistics)).Append("</h4><div class=\"scroll\"><table><tbody>");
        if (st.ObservedChange is { } oc)
        {
            Row(h, t.ObservedChangeLabel, MarkdownScorecard.ObservedText(oc, unit, f, t));
        }
        else if (st.ObservedChangeInsufficient is { } missing)
        {
            Row(h, t.ObservedChangeLabel, $"{t.InsufficientData} ({t.Sentence(missing)})");
        }

        if (st.SegmentedRegression is { } r)
        {
            Row(h, $"{t.SegmentedRegression} ({t.SecondaryEvidence})", $"n = {r.Count} ({r.CountBefore} + {r.CountAfter}){(r.MonthEffects ? ", " + t.MonthEffects : "")}, {t.Lag} {r.HacLag}");
            Row(h, t.ChangeAtLast, MarkdownScorecard.EstimateText(r.ChangeAtLastPeriod, r.Confidence, f, t));
            if (r.PercentChangeAtLastPeriod is { } pc)
            {
                Row(h, "· " + t.PercentChange, MarkdownScorecard.EstimateText(pc, r.Confidence, f, t, percent: true));
            }

            Row(h, t.LevelChange, MarkdownScorecard.EstimateText(r.LevelChange, r.Confidence, f, t));
            Row(h, t.SlopeChange, MarkdownScorecard.EstimateText(r.SlopeChange, r.Confidence, f, t));
            Row(h, t.PreTrend, MarkdownScorecard.EstimateText(r.PreTrend, r.Confidence, f, t));
        }
        else
        {
            Row(h, t.SegmentedRegression, $"{t.InsufficientData} ({(st.SegmentedRegressionInsufficient is { } its ? t.Sentence(its) : "")})");
        }

        if (st.TrendTest is { } mk)
        {
            var slope = mk.SensSlope is { } s ? $"; {t.SensSlope}: {f.Value(s)} ({f.Value(mk.SensSlopeLower ?? s)} – {f.Value(mk.SensSlopeUpper ?? s)})" : "";
            var on = mk.From is { } from && mk.To is { } to ? "; " + TextCatalogue.Fill(t.OnPeriods, ("from", f.Period(from)), ("to", f.Period(to))) : "";
            Row(h, $"{(mk.Seasonal ? t.SeasonalTrendTest : t.TrendTest)} ({t.SecondaryEvidence}{on})", $"S = {mk.S}, Z = {f.Number(mk.Z, 2)}, {MarkdownScorecard.PValue(mk.PValue, f)}{slope}");
        }
        else if (st.TrendTestInsufficient is not null)
        {
            Row(h, t.TrendTest, $"{t.InsufficientData} ({t.Sentence(st.TrendTestInsufficient)})");
        }

        if (st.RelativeChange is { } rc)
        {
            Row(h, t.RelativeChange, $"{f.SignedPercent(rc.Percent)} ({f.Period(rc.BaselineFrom)} – {f.Period(rc.BaselineTo)}: {f.Value(rc.BaselineMean)}; {f.Period(rc.ComparisonFrom)} – {f.Period(rc.ComparisonTo)}: {f.Value(rc.ComparisonMean)})");
        }
        else if (st.RelativeChangeInsufficient is not null)
        {
            Row(h, t.RelativeChange, $"{t.InsufficientData} ({t.Sentence(st.RelativeChangeInsufficient)})");
        }

        if (st.TargetPath is { } path)
        {
            var illustrative = path.Basis == TargetBasis.Illustrative ? " — " + t.Illustrative : "";
            Row(h, t.TargetPosition, $"{t.Latest} {f.Value(path.Latest)}, {t.Expected} {f.Value(path.Expected)}; {f.Percent(path.FractionAchieved * 100)} {t.Achieved}, {f.Percent(path.FractionOfTimeElapsed * 100)} {t.TimeElapsed}{illustrative}");
        }

        h.Append("</tbody></table></div>");
    }

    /// <summary>The two axes under a rating: what the data says, what is confirmed, what it still needs.</summary>
    static void Terms(StringBuilder h, ScorecardTerms? terms, TextCatalogue t)
    {
        if (terms is null)
        {
            return;
        }

        h.Append("<p class=\"terms\"><strong>").Append(E(t.Terms)).Append(":</strong> ").Append(E(t.Terms(terms))).Append("</p>");
        foreach (var o in terms.Objections)
        {
            h.Append("<p class=\"note\"><strong>").Append(E(t.ObjectionBy(o))).Append(":</strong> ").Append(E(o.Reason)).Append(" · ").Append(Entry(o.Entry)).Append("</p>");
        }
    }

    static void Axes(StringBuilder h, Rating finding, ScorecardConfirmation? confirmation, string needs, TextCatalogue t)
    {
        h.Append("<dl class=\"facts axes\"><dt>").Append(E(t.DataSays)).Append("</dt><dd>").Append(Badge(finding, t)).Append("</dd>");
        if (confirmation is not null)
        {
            h.Append("<dt>").Append(E(t.ConfirmedAxis)).Append("</dt><dd>").Append(E(t.Confirmation(confirmation))).Append("</dd>");
        }

        if (confirmation?.Sources is { Count: > 0 } sources)
        {
            h.Append("<dt>").Append(E(t.ConfirmedHow)).Append("</dt><dd>").Append(E(t.ConfirmationSources(sources.Select(x => (x.Status, x.Party, x.File, x.Values))))).Append("</dd>");
        }

        h.Append("<dt>").Append(E(t.StillNeeds)).Append("</dt><dd>").Append(E(needs)).Append("</dd></dl>");
    }

    static void Row(StringBuilder h, string label, string value) =>
        h.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    static void Policy(StringBuilder h, Scorecard scorecard, TextCatalogue t)
    {
        var f = t.Format;
        var p = scorecard.Policy;
        h.Append("<h2>").Append(E(t.Policy)).Append("</h2><dl class=\"facts\">");
        h.Append("<dt>").Append(E(t.Entry)).Append("</dt><dd>").Append(p.Entry is { } entry ? Entry(entry) : E(t.DefaultPolicy)).Append("</dd>");
        Fact(h, t.CountsTowardMet, string.Join(", ", p.CountsTowardMet.Select(t.PolicyStatusName)));
        Fact(h, t.CountsTowardTrend, string.Join(", ", p.CountsTowardTrend.Select(t.PolicyStatusName)));
        Fact(h, t.MinVerifiedShare, f.Share((double)p.MinVerifiedShare * 100));
        Fact(h, t.SignificantChange, f.Share((double)p.SignificantChange * 100));
        Fact(h, t.MinPeriods, $"{p.MinPeriodsBefore} / {p.MinPeriodsAfter}");
        Fact(h, t.ConfidenceLevel, f.Share((double)p.ConfidenceLevel * 100));
        Fact(h, t.Rollup, t.RollupName(p.Rollup));
        if (p.DisputeResolvers is { } resolvers)
        {
            Fact(h, t.DisputeResolvers, string.Join(", ", resolvers));
        }

        if (p.ResetStatements is { } resets)
        {
            Fact(h, t.ResetStatements, string.Join(", ", resets));
        }

        if (p.Verifiers is { } verifiers)
        {
            Fact(h, t.CountedVerifiers, string.Join(", ", verifiers));
        }

        h.Append("</dl>");
    }

    static void Fact(StringBuilder h, string label, string value) => h.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    static string Badge(Rating rating, TextCatalogue t) =>
        $"<span class=\"badge r-{RatingCode.CssClass(rating)}\">{E(t.RatingName(rating))}</span>";

    static string Entry(EntryRef entry) => $"<span class=\"hash\" title=\"{entry.LeafHash}\">#{entry.Index} {entry.LeafHash[..12]}…</span>";

    /// <summary><see cref="Entry"/> written in place: one per value in the tables, so no string is made for it.</summary>
    static StringBuilder AppendEntry(StringBuilder h, EntryRef entry) =>
        h.Append("<span class=\"hash\" title=\"").Append(entry.LeafHash).Append("\">#").Append(entry.Index).Append(' ').Append(entry.LeafHash, 0, 12).Append("…</span>");

    static string E(string? text) => HtmlEncoding.Encode(text);
}
