using System.Text;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;
using static OutcomeLedger.Api.Features.Dashboard.DashboardPage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/commitments/{id}</c>: a commitment's rating and reason, its statements on a timeline sharing the time axis of
/// its indicator charts (baseline, target path, values shaped by verification status, disputes with both figures),
/// and every chart's data as a table.
/// </summary>
internal static class CommitmentPage
{
    public static async Task<IResult> GetAsync(string id, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var text = request.Text;
        var key = $"commitment-page|{id}|{text.Language}";
        // An anonymous reader's whole page depends only on the checkpoint, the commitment, the language and the query
        // (the language link); it is kept whole as UTF-8.
        var anonymous = request.Session is null && (context.Request.Query.Count == 0 || (context.Request.Query.Count == 1 && context.Request.Query.ContainsKey("lang")));
        var pageKey = $"commitment-html|{id}|{text.Language}|{context.Request.QueryString.Value}";
        if (ledger.Sequencer.Latest is { } latest)
        {
            // A hit reads neither the state nor its lock: readers never queue behind each other or a batch.
            if (anonymous && ledger.RenderedOrNull(pageKey, latest.Size) is { } whole)
            {
                return DashboardResults.Kept(request, whole);
            }

            if (ledger.RenderedOrNull(key, latest.Size) is { } keptBody)
            {
                return Page(request, keptBody);
            }
        }

        var found = await FindAsync(ledger, new CommitmentId(id), cancellationToken);
        if (found is not var (scorecard, commitment))
        {
            return DashboardResults.Message(request, text.NotFound, TextCatalogue.Fill(text.CommitmentNotFound, ("id", Parties.PartyEndpoints.Clip(id))), StatusCodes.Status404NotFound);
        }

        // The body is a function of the checkpoint, the commitment and the language only (the page around it carries the
        // request's session), so it is rendered once per checkpoint and language.
        var kept = ledger.Rendered(key, scorecard.Checkpoint.Size, () => Kept(commitment.Text, Body(scorecard, commitment, request)));
        if (anonymous)
        {
            var (title, body) = Unpack(kept);
            var page = ledger.Rendered(pageKey, scorecard.Checkpoint.Size, () => Encoding.UTF8.GetBytes(DashboardPage.Render(request, title, body)));
            return DashboardResults.Kept(request, page);
        }

        return Page(request, kept);
    }

    /// <summary>The title and the body, kept as one UTF-8 value: the title's length in bytes (4 bytes), the title, the body.</summary>
    static byte[] Kept(string title, string body)
    {
        var titleBytes = Encoding.UTF8.GetBytes(title);
        var kept = new byte[4 + titleBytes.Length + Encoding.UTF8.GetByteCount(body)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(kept, titleBytes.Length);
        titleBytes.CopyTo(kept, 4);
        Encoding.UTF8.GetBytes(body, kept.AsSpan(4 + titleBytes.Length));
        return kept;
    }

    static IResult Page(DashboardRequest request, byte[] kept)
    {
        var (title, body) = Unpack(kept);
        return DashboardResults.Page(request, title, body);
    }

    static (string Title, string Body) Unpack(byte[] kept)
    {
        var titleLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(kept);
        return (Encoding.UTF8.GetString(kept, 4, titleLength), Encoding.UTF8.GetString(kept, 4 + titleLength, kept.Length - 4 - titleLength));
    }

    static string Body(Scorecard scorecard, ScorecardCommitment commitment, DashboardRequest request)
    {
        var text = request.Text;
        var t = text;
        var f = t.Format;
        var axis = TimeAxis.For(commitment);
        var body = new StringBuilder();
        body.Append("<p>").Append(Badge(commitment.Rating, text)).Append(' ').Append(Encode(text.Sentence(commitment.Reason))).Append("</p>")
            .Append("<dl class=\"facts\"><dt>").Append(Encode(text.Agreement)).Append("</dt><dd><a href=\"/\">").Append(Encode(scorecard.Agreement.Title)).Append("</a></dd>")
            .Append("<dt>").Append(Encode(t.MadeOn)).Append("</dt><dd>").Append(Encode(f.Date(commitment.MadeOn))).Append("</dd>")
            .Append("<dt>").Append(Encode(t.Due)).Append("</dt><dd>").Append(Encode(commitment.DueDate is { } due ? f.Date(due) : t.NoDueDate)).Append("</dd>")
            .Append("<dt>").Append(Encode(t.Responsible)).Append("</dt><dd>").Append(Encode(string.Join(", ", commitment.ResponsibleParties))).Append("</dd>")
            .Append("<dt>").Append(Encode(text.EvaluatedAt)).Append("</dt><dd>").Append(Encode(TextCatalogue.Fill(text.AtCheckpoint, ("size", scorecard.Checkpoint.Size.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Append(", ")
            .Append(Encode(t.AsOf)).Append(' ').Append(Encode(f.Date(scorecard.AsOf))).Append("</dd>")
            .Append("<dt>").Append(Encode(text.LoggedAt)).Append("</dt><dd>").Append(EntryLink(commitment.Entry.Index, text)).Append("</dd></dl>");

        Statements(body, commitment, axis, request);
        body.Append("<h2>").Append(Encode(t.Results)).Append("</h2>");
        foreach (var indicator in commitment.Indicators)
        {
            Indicator(body, commitment, indicator, axis, request);
        }

        return body.ToString();
    }

    /// <summary>The scorecard at the latest checkpoint and the commitment in it, or null when either is missing.</summary>
    public static async Task<(Scorecard Scorecard, ScorecardCommitment Commitment)?> FindAsync(ServedLedger ledger, CommitmentId id, CancellationToken cancellationToken)
    {
        var agreement = await ledger.ReadAsync(state => state.Commitments.TryGetValue(id, out var c) ? c.Record.Agreement : (AgreementId?)null, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var (scorecard, _) = await ScorecardEndpoints.EvaluateAsync(ledger, agreement.Value, null, cancellationToken);
        var commitment = scorecard?.Commitments.FirstOrDefault(c => c.Id == id.Value);
        return commitment is null ? null : (scorecard!, commitment);
    }

    static void Statements(StringBuilder body, ScorecardCommitment commitment, TimeAxis axis, DashboardRequest request)
    {
        var text = request.Text;
        var t = text;
        var f = t.Format;
        body.Append("<h2 id=\"statements\">").Append(Encode(t.Statements)).Append("</h2><p class=\"small\">").Append(Encode(text.TimelineExplain)).Append("</p>");
        body.Append("<div class=\"scroll\">");
        ScorecardChart.WriteTimeline(body, commitment, axis, t);
        body.Append("</div><ol class=\"statements\">");
        foreach (var s in commitment.Statements)
        {
            body.Append("<li><strong>").Append(Encode(f.Date(s.Date))).Append("</strong>");
            if (s.Speaker is not null)
            {
                body.Append(" — ").Append(Encode(s.Speaker));
            }

            body.Append(" — ").Append(Encode(s.Title)).Append(" <span class=\"small\">(").Append(Encode(t.StatementKindName(s.StatementKind))).Append("; ")
                .Append(Encode(string.Join(", ", s.Parties))).Append(") ").Append(ExternalLink(s.SourceUrl, t.Source)).Append(" · ")
                .Append(EntryLink(s.Entry.Index, text)).Append("</span>");
            foreach (var q in s.Quotes)
            {
                body.Append("<blockquote lang=\"").Append(Encode(q.Lang)).Append("\">“").Append(Encode(q.Text)).Append("”</blockquote>");
            }

            body.Append("</li>");
        }

        body.Append("</ol>");
    }

    static void Indicator(StringBuilder body, ScorecardCommitment commitment, ScorecardIndicator indicator, TimeAxis axis, DashboardRequest request)
    {
        var text = request.Text;
        var t = text;
        var f = t.Format;
        body.Append("<article class=\"indicator\" aria-labelledby=\"i-").Append(Encode(indicator.Id)).Append("\"><h3 id=\"i-").Append(Encode(indicator.Id)).Append("\">")
            .Append(Encode(indicator.Name)).Append(' ').Append(Badge(indicator.Rating, text)).Append("</h3><p>").Append(Encode(text.Sentence(indicator.Reason))).Append("</p>");
        body.Append("<dl class=\"facts\"><dt>").Append(Encode(t.Unit)).Append("</dt><dd>").Append(Encode(indicator.Unit)).Append("</dd><dt>").Append(Encode(t.DataSource)).Append("</dt><dd>")
            .Append(Encode(indicator.DataSource)).Append("</dd>");
        if (indicator.Baseline is { } b)
        {
            body.Append("<dt>").Append(Encode(t.Baseline)).Append("</dt><dd>").Append(Encode(f.Period(b.From))).Append(" – ").Append(Encode(f.Period(b.To)));
            if (b.Value is { } v)
            {
                body.Append(": ").Append(Encode(f.Value(v) + " " + indicator.Unit));
            }

            body.Append("</dd>");
        }

        foreach (var target in indicator.Targets)
        {
            body.Append("<dt>").Append(Encode(t.Target)).Append("</dt><dd>").Append(Encode(target.TargetValue is { } tv ? f.Value(tv) + " " + indicator.Unit : "—")).Append(", ")
                .Append(Encode(f.Date(target.By))).Append(" · ").Append(Encode(target.Basis == TargetBasis.Illustrative ? t.Illustrative : t.Agreed)).Append("</dd>");
        }

        body.Append("</dl><p><a href=\"").Append(Href("/indicators/" + Uri.EscapeDataString(indicator.Id))).Append("\">").Append(Encode(text.MeasurementsAndEvidence)).Append("</a></p>");
        foreach (var series in indicator.Series)
        {
            Series(body, commitment, indicator, series, axis, request);
        }

        body.Append("</article>");
    }

    /// <summary>One series: its chart (from Core, the same as the scorecard's), legend, disputes, and its values as a table.</summary>
    public static void Series(StringBuilder body, ScorecardCommitment commitment, ScorecardIndicator indicator, ScorecardSeries series, TimeAxis axis, DashboardRequest request)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        var t = text;
        var f = t.Format;
        var name = series.Dimensions.Count == 0 ? t.Total : string.Join(", ", series.Dimensions.Select(d => $"{d.Key}: {d.Value}"));
        if (indicator.Series.Count > 1 || series.Dimensions.Count > 0)
        {
            body.Append("<h4>").Append(Encode(name)).Append(' ').Append(Badge(series.Rating, text)).Append("</h4><p>").Append(Encode(text.Sentence(series.Reason))).Append("</p>");
        }

        body.Append("<figure><div class=\"scroll\">");
        ScorecardChart.Write(body, indicator, series, commitment, axis, t);
        body.Append("</div><figcaption>").Append(Encode(TextCatalogue.Fill(text.ChartCaption, ("indicator", indicator.Name), ("series", name), ("values", series.Values.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("counted", series.Counted.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("disputed", series.Disputed.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Append("</figcaption></figure>");
        ScorecardChart.WriteLegend(body, series, indicator, t);

        var disputes = series.Points.Where(p => p.Attestations.Any(a => a.Figure is not null && a.Verdict is Verdict.Disputed or Verdict.Resolved or Verdict.VerificationFailed)).ToList();
        if (disputes.Count > 0)
        {
            body.Append("<div class=\"scroll\"><table><caption>").Append(Encode(t.Disputes)).Append("</caption><thead><tr><th scope=\"col\">").Append(Encode(t.Period))
                .Append("</th><th scope=\"col\">").Append(Encode(text.Reported)).Append("</th><th scope=\"col\">").Append(Encode(text.OtherFigure)).Append("</th><th scope=\"col\">")
                .Append(Encode(t.Stands)).Append("</th><th scope=\"col\">").Append(Encode(t.Status)).Append("</th></tr></thead><tbody>");
            foreach (var p in disputes)
            {
                foreach (var a in p.Attestations.Where(a => a.Figure is not null && a.Verdict is Verdict.Disputed or Verdict.Resolved or Verdict.VerificationFailed))
                {
                    body.Append("<tr><td>").Append(Encode(f.Period(p.Period))).Append("</td><td class=\"num\">").Append(Encode(f.Exact(p.Reported))).Append(' ').Append(Encode(indicator.Unit))
                        .Append(" (").Append(Encode(indicator.Reporter)).Append(") ").Append(EntryLink(p.Entry.Index, text)).Append("</td><td class=\"num\">")
                        .Append(Encode(f.Exact(a.Figure!.Value))).Append(' ').Append(Encode(indicator.Unit)).Append(" (").Append(Encode(a.Party)).Append(", ").Append(Encode(t.VerdictName(a.Verdict))).Append(") ")
                        .Append(EntryLink(a.Entry.Index, text));
                    if (a.Reason is not null)
                    {
                        body.Append("<br><span class=\"small\">").Append(Encode(a.Reason)).Append("</span>");
                    }

                    body.Append("</td><td class=\"num\">").Append(Encode(f.Exact(p.Stands))).Append("</td><td>").Append(Encode(t.StatusName(p.Status))).Append("</td></tr>");
                }
            }

            body.Append("</tbody></table></div>");
        }

        body.Append("<details><summary>").Append(Encode(TextCatalogue.Fill(text.ChartData, ("values", series.Points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Append("</summary><div class=\"scroll\"><table><caption>")
            .Append(Encode(indicator.Name + " — " + name)).Append("</caption><thead><tr><th scope=\"col\">").Append(Encode(t.Period)).Append("</th><th scope=\"col\">")
            .Append(Encode(t.Reported)).Append("</th><th scope=\"col\">").Append(Encode(t.Stands)).Append("</th><th scope=\"col\">").Append(Encode(t.Status))
            .Append("</th><th scope=\"col\">").Append(Encode(t.Counts)).Append("</th><th scope=\"col\">").Append(Encode(text.EntryHeading)).Append("</th></tr></thead><tbody>");
        foreach (var p in series.Points)
        {
            body.Append("<tr><td>").Append(Encode(f.Period(p.Period))).Append(p.Provisional ? " (" + Encode(t.Provisional) + ")" : "").Append("</td><td class=\"num\">")
                .Append(Encode(f.Exact(p.Reported))).Append("</td><td class=\"num\">").Append(Encode(f.Exact(p.Stands))).Append("</td><td>").Append(Encode(t.StatusName(p.Status)))
                .Append("</td><td>").Append(Encode(p.CountsTowardTrend ? t.Yes : t.No)).Append("</td><td>").Append(EntryLink(p.Entry.Index, text)).Append("</td></tr>");
        }

        body.Append("</tbody></table></div></details>");
    }

    /// <summary>A link to a source on another site: followed only when clicked, never fetched by the page.</summary>
    public static string ExternalLink(string url, string label) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Encode(uri.AbsoluteUri)}\" rel=\"noreferrer noopener external\">{Encode(label)}</a>"
            : Encode(label + ": " + url);
}
