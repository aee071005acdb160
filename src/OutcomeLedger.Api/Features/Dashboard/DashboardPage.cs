using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The page shell: language, a skip link, navigation with the signed-in party and a language switch, the stylesheet
/// and, on a page that has one, its script (<see cref="DashboardAssets"/>); nothing loads from another origin.
/// </summary>
internal static class DashboardPage
{
    public static string Encode(string? text) => HtmlEncoding.Encode(text);

    /// <summary>A link within the dashboard (the language is remembered in a cookie, so links carry none).</summary>
    public static string Href(string path) => Encode(path);

    public static string Badge(Rating rating, TextCatalogue text) =>
        $"<span class=\"badge r-{RatingCode.CssClass(rating)}\">{Encode(text.RatingName(rating))}</span>";

    /// <summary>A link to an entry on the log page, where the browser can check its inclusion proof.</summary>
    public static string EntryLink(ulong index, TextCatalogue text) =>
        $"<a href=\"/log?entry={index}#verify\" title=\"{Encode(text.CheckEntry)}\">#{index}</a>";

    /// <summary>The whole page; <paramref name="script"/> names a <see cref="DashboardAssets"/> script the page loads.</summary>
    public static string Render(DashboardRequest request, string title, string body, string? script = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        var html = new StringBuilder(body.Length + 8192);
        html.Append("<!doctype html><html lang=\"").Append(text.Code).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · OutcomeLedger</title><link rel=\"stylesheet\" href=\"")
            .Append(Encode(request.Assets.Url(DashboardAssets.Stylesheet))).Append("\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(Encode(text.SkipToContent)).Append("</a>")
            .Append("<header class=\"site\"><nav class=\"site\" aria-label=\"").Append(Encode(text.Navigation)).Append("\">")
            .Append("<a class=\"brand\" href=\"/\">OutcomeLedger</a>");
        Link(html, "/", text.Agreements, request.Section == DashboardSection.Agreements);
        Link(html, "/log", text.Log, request.Section == DashboardSection.Log);
        Link(html, "/submit", text.Submit, request.Section == DashboardSection.Submit);
        html.Append("<span class=\"right\">");
        if (request.Session is { } session)
        {
            html.Append("<span>").Append(Encode(TextCatalogue.Fill(text.SignedInAs, ("party", session.Party.Value)))).Append("</span>")
                .Append("<form method=\"post\" action=\"/sign-out\">").Append(request.AntiforgeryField).Append("<button type=\"submit\" class=\"secondary\">")
                .Append(Encode(text.SignOut)).Append("</button></form>");
        }

        var other = TextCatalogue.All.First(c => c != text);
        html.Append("<a lang=\"").Append(other.Code).Append("\" hreflang=\"").Append(other.Code).Append("\" href=\"")
            .Append(Encode(request.PathWithLanguage(other.Code))).Append("\">").Append(Encode(other.LanguageName)).Append("</a></span></nav></header>")
            .Append("<main id=\"main\" tabindex=\"-1\"><h1>").Append(Encode(title)).Append("</h1>").Append(body).Append("</main>");
        if (script is not null)
        {
            html.Append("<script src=\"").Append(Encode(request.Assets.Url(script))).Append("\"></script>");
        }

        return html.Append("</body></html>").ToString();
    }

    static void Link(StringBuilder html, string path, string label, bool current) =>
        html.Append("<a href=\"").Append(path).Append('"').Append(current ? " aria-current=\"page\"" : "").Append('>').Append(Encode(label)).Append("</a>");
}
