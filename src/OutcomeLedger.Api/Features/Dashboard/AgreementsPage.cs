using System.Text;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;
using static OutcomeLedger.Api.Features.Dashboard.DashboardPage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary><c>/</c>: every agreement with its commitments, their ratings and reasons, at the latest checkpoint.</summary>
internal static class AgreementsPage
{
    public static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var text = request.Text;
        var agreements = await ledger.ReadAsync(state => state.Agreements.Keys.OrderBy(a => a.Value, StringComparer.Ordinal).ToList(), cancellationToken);
        var body = new StringBuilder();
        body.Append("<p>").Append(Encode(text.AgreementsIntro)).Append("</p>");
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

            var f = text.Format;
            body.Append("<section aria-labelledby=\"a-").Append(Encode(id.Value)).Append("\"><h2 id=\"a-").Append(Encode(id.Value)).Append("\">").Append(Encode(scorecard.Agreement.Title)).Append("</h2>")
                .Append("<p class=\"meta\">").Append(Encode(string.Join(", ", scorecard.Agreement.Parties.Select(p => p.Name)))).Append(" · ")
                .Append(Encode(text.AsOf)).Append(' ').Append(Encode(f.Date(scorecard.AsOf))).Append(" · ")
                .Append(Encode(TextCatalogue.Fill(text.AtCheckpoint, ("size", scorecard.Checkpoint.Size.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Append(" · <a href=\"")
                .Append(Encode($"/api/scorecard?agreement={Uri.EscapeDataString(id.Value)}&format=html&lang={text.Code}")).Append("\">")
                .Append(Encode(text.FullScorecard)).Append("</a></p>")
                .Append("<div class=\"scroll\"><table><caption>").Append(Encode(text.CommitmentsCaption)).Append("</caption><thead><tr><th scope=\"col\">").Append(Encode(text.Commitment))
                .Append("</th><th scope=\"col\">").Append(Encode(text.Rating)).Append("</th><th scope=\"col\">").Append(Encode(text.Reason)).Append("</th></tr></thead><tbody>");
            foreach (var commitment in scorecard.Commitments)
            {
                body.Append("<tr><td><a href=\"").Append(Href("/commitments/" + Uri.EscapeDataString(commitment.Id))).Append("\">")
                    .Append(Encode(commitment.Text)).Append("</a></td><td>").Append(Badge(commitment.Rating, text))
                    .Append("</td><td>").Append(Encode(text.Sentence(commitment.Reason))).Append("</td></tr>");
            }

            body.Append("</tbody></table></div></section>");
        }

        return DashboardResults.Page(request, text.Agreements, body.ToString());
    }
}
