using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Transparency;
using static OutcomeLedger.Api.Features.Dashboard.DashboardPage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>The server-rendered dashboard: agreements with ratings, commitments, the log with in-browser proof checks, submission.</summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").WithTags("Dashboard").ExcludeFromDescription();
        pages.MapGet("/", AgreementsAsync);
        pages.MapGet("/commitments/{id}", CommitmentAsync);
        pages.MapGet("/log", LogAsync);
        pages.MapGet("/submit", Submit);
        return routes;
    }

    /// <summary>?lang= wins; else the browser's first language if it is Spanish; else English.</summary>
    static DashboardText TextFor(HttpContext context)
    {
        var lang = context.Request.Query["lang"].ToString();
        if (lang is "es" or "en")
        {
            return lang == "es" ? DashboardText.Spanish : DashboardText.English;
        }

        var accept = context.Request.Headers.AcceptLanguage.ToString();
        return accept.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? DashboardText.Spanish : DashboardText.English;
    }

    static ContentHttpResult Page(string html) => TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    static async Task<ContentHttpResult> AgreementsAsync(HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var text = TextFor(context);
        var agreements = await ledger.ReadAsync(state => state.Agreements.Keys.OrderBy(a => a.Value, StringComparer.Ordinal).ToList(), cancellationToken);
        var body = new StringBuilder();
        if (agreements.Count == 0)
        {
            body.Append("<p>").Append(Encode(text.Empty)).Append("</p>");
        }

        foreach (var id in agreements)
        {
            var (scorecard, _) = await ScorecardEndpoints.EvaluateAsync(ledger, id, null, cancellationToken);
            if (scorecard is null)
            {
                continue;
            }

            body.Append("<section><h2>").Append(Encode(scorecard.Agreement.Title)).Append("</h2><p><a href=\"")
                .Append(Encode($"/api/scorecard?agreement={Uri.EscapeDataString(id.Value)}&format=html&lang={text.Code}")).Append("\">")
                .Append(Encode(text.FullScorecard)).Append("</a></p><table><thead><tr><th scope=\"col\">").Append(Encode(text.Commitment))
                .Append("</th><th scope=\"col\">").Append(Encode(text.Rating)).Append("</th><th scope=\"col\">").Append(Encode(text.Reason)).Append("</th></tr></thead><tbody>");
            foreach (var commitment in scorecard.Commitments)
            {
                body.Append("<tr><td><a href=\"").Append(Href("/commitments/" + Uri.EscapeDataString(commitment.Id), text)).Append("\">")
                    .Append(Encode(commitment.Text)).Append("</a></td><td class=\"rating\">").Append(Encode(text.Scorecard.RatingName(commitment.Rating)))
                    .Append("</td><td>").Append(Encode(ReasonText.Write(commitment.Reason, text.Language))).Append("</td></tr>");
            }

            body.Append("</tbody></table></section>");
        }

        return Page(Render(text, text.Agreements, "/", body.ToString()));
    }

    static async Task<Results<ContentHttpResult, ProblemHttpResult>> CommitmentAsync(string id, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var text = TextFor(context);
        var agreement = await ledger.ReadAsync(state => state.Commitments.TryGetValue(new CommitmentId(id), out var c) ? c.Record.Agreement : (AgreementId?)null, cancellationToken);
        if (agreement is null)
        {
            return ApiProblem.NotFound($"commitment '{Parties.PartyEndpoints.Clip(id)}' is not in the log");
        }

        var (scorecard, problem) = await ScorecardEndpoints.EvaluateAsync(ledger, agreement.Value, null, cancellationToken);
        var commitment = scorecard?.Commitments.FirstOrDefault(c => c.Id == id);
        if (commitment is null)
        {
            return problem ?? ApiProblem.NotFound($"commitment '{Parties.PartyEndpoints.Clip(id)}' is not in the scorecard");
        }

        var body = new StringBuilder();
        body.Append("<p><span class=\"rating\">").Append(Encode(text.Scorecard.RatingName(commitment.Rating))).Append("</span> — ")
            .Append(Encode(ReasonText.Write(commitment.Reason, text.Language))).Append("</p>")
            .Append("<p>").Append(Encode(text.LoggedAt)).Append(" <a href=\"").Append(Href($"/log?entry={commitment.Entry.Index}", text)).Append("\">")
            .Append(commitment.Entry.Index.ToString(CultureInfo.InvariantCulture)).Append("</a></p>")
            .Append("<h2>").Append(Encode(text.Indicators)).Append("</h2><table><tbody>");
        foreach (var indicator in commitment.Indicators)
        {
            body.Append("<tr><td>").Append(Encode(indicator.Name)).Append("</td><td class=\"rating\">").Append(Encode(text.Scorecard.RatingName(indicator.Rating)))
                .Append("</td><td>").Append(Encode(ReasonText.Write(indicator.Reason, text.Language))).Append("</td></tr>");
        }

        body.Append("</tbody></table><h2>").Append(Encode(text.Statements)).Append("</h2><ul>");
        foreach (var statement in commitment.Statements)
        {
            body.Append("<li>").Append(Encode(statement.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append(" — ").Append(Encode(statement.Title)).Append("</li>");
        }

        body.Append("</ul><p><a href=\"").Append(Encode($"/api/scorecard?agreement={Uri.EscapeDataString(agreement.Value.Value)}&format=html&lang={text.Code}"))
            .Append("\">").Append(Encode(text.FullScorecard)).Append("</a></p>");
        return Page(Render(text, commitment.Text, "/commitments/" + Uri.EscapeDataString(id), body.ToString()));
    }

    static async Task<ContentHttpResult> LogAsync(HttpContext context, ServedLedger ledger, ulong? entry, CancellationToken cancellationToken)
    {
        var text = TextFor(context);
        var latest = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        var body = new StringBuilder();
        body.Append("<h2>").Append(Encode(text.LatestCheckpoint)).Append("</h2>");
        if (latest is null)
        {
            body.Append("<p>").Append(Encode(text.Empty)).Append("</p>");
        }
        else
        {
            body.Append("<pre id=\"checkpoint\">").Append(Encode(latest.Note)).Append("</pre><h2>").Append(Encode(text.Cosignatures)).Append("</h2>");
            var cosigners = SignedNote.TryParse(Encoding.UTF8.GetBytes(latest.Note), out var note, out _)
                ? note.Signatures.Where(s => s.KeyName != ledger.Origin).ToList()
                : [];
            if (cosigners.Count == 0)
            {
                body.Append("<p>").Append(Encode(text.NoCosignatures)).Append("</p>");
            }
            else
            {
                body.Append("<ul>");
                foreach (var cosigner in cosigners)
                {
                    body.Append("<li>").Append(Encode(cosigner.ToString())).Append("</li>");
                }

                body.Append("</ul>");
            }
        }

        body.Append("<h2>").Append(Encode(text.VerifyTitle)).Append("</h2><p>").Append(Encode(text.VerifyExplain)).Append("</p>")
            .Append("<form id=\"verify-form\"><label for=\"entry-index\">").Append(Encode(text.EntryIndex)).Append("</label>")
            .Append("<input id=\"entry-index\" name=\"entry\" type=\"number\" min=\"0\" required value=\"").Append(entry?.ToString(CultureInfo.InvariantCulture) ?? "0").Append("\">")
            .Append("<button type=\"submit\">").Append(Encode(text.Verify)).Append("</button></form><output id=\"verify-result\" role=\"status\" aria-live=\"polite\"></output>");
        return Page(Render(text, text.Log, "/log", body.ToString(), ProofCheckScript.For(text)));
    }

    static ContentHttpResult Submit(HttpContext context)
    {
        var text = TextFor(context);
        var body = new StringBuilder();
        body.Append("<p>").Append(Encode(text.SubmitExplain)).Append("</p><form id=\"submit-form\">")
            .Append("<label for=\"token\">").Append(Encode(text.Token)).Append("</label><input id=\"token\" type=\"password\" autocomplete=\"off\" required size=\"60\">")
            .Append("<label for=\"entry\">").Append(Encode(text.Entry)).Append("</label><textarea id=\"entry\" rows=\"8\" required></textarea>")
            .Append("<button type=\"submit\">").Append(Encode(text.Send)).Append("</button></form><output id=\"submit-result\" role=\"status\" aria-live=\"polite\"></output>");
        return Page(Render(text, text.Submit, "/submit", body.ToString(), SubmitScript.Body));
    }
}
