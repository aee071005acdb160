using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The page shell: language, a skip link, navigation with the signed-in party and a language switch, styles (the
/// charts' from Core) and scripts carrying the request's CSP nonce; nothing loads from another origin.
/// </summary>
internal static class DashboardPage
{
    const string Style = """
        :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#fff;--soft:#f5f7fa;--link:#0b4fa8;--focus:#b45309}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        .skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
        header.site{border-bottom:1px solid var(--line);background:var(--soft)}
        nav.site{max-width:64rem;margin:0 auto;padding:.5rem 1rem;display:flex;gap:.25rem 1.25rem;flex-wrap:wrap;align-items:center}
        nav.site .brand{font-weight:700;color:var(--ink);text-decoration:none}
        nav.site .right{margin-left:auto;display:flex;gap:1rem;align-items:center}
        nav.site a[aria-current=page]{font-weight:700;text-decoration-thickness:2px}
        main{max-width:64rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-top:2px solid var(--ink);padding-top:.75rem}
        h3{font-size:1.1rem;margin:1.5rem 0 .25rem}
        a{color:var(--link)}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .meta,.small{color:var(--muted);font-size:.875rem}
        code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
        table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}
        th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        caption{text-align:left;font-weight:700;padding:.25rem 0}
        .scroll{overflow-x:auto}
        .badge{display:inline-block;padding:.1rem .5rem;border-radius:.25rem;font-weight:700;font-size:.8rem;color:#fff;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .r-met{background:#1b7f3b}.r-on-track{background:#2f855a}.r-incremental{background:#8a5a00}.r-stalled{background:#616e7c}
        .r-regressed{background:#b91c1c}.r-unverifiable{background:#6d28d9}.r-not-yet-assessed{background:#334e68}
        .indicator{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0;break-inside:avoid-page}
        blockquote{margin:.25rem 0 .25rem 1rem;padding-left:.75rem;border-left:3px solid var(--line);font-style:italic}
        ol.statements{padding-left:1.5rem}ol.statements li{margin:.5rem 0}
        figure{margin:.5rem 0}figcaption{font-size:.875rem;color:var(--muted)}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0;font-size:.9rem}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
        details{margin:.5rem 0}summary{cursor:pointer;color:var(--muted)}
        pre{background:var(--soft);padding:.75rem;white-space:pre-wrap;word-break:break-all;font-size:.85rem}
        form.panel,fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
        form.panel fieldset{border:none;padding:0;margin:0;min-width:0}
        legend{font-weight:700;font-size:1.1rem;padding:0}
        label{display:block;margin-top:.6rem;font-weight:600}
        .hint{display:block;font-weight:400;color:var(--muted);font-size:.85rem}
        input,select,textarea,button{font:inherit;padding:.35rem .5rem;border:1px solid #7b8794;border-radius:.25rem;max-width:100%}
        input[type=text],input[type=url],input[type=password],textarea,select{width:100%}
        input[type=checkbox]{width:auto;margin-right:.4rem}label.check{font-weight:400}
        button{margin:.75rem .5rem 0 0;background:#1f2933;color:#fff;border-color:#1f2933;cursor:pointer}
        button.secondary{background:#fff;color:var(--ink)}
        nav.site form{display:inline;margin:0}nav.site button{margin:0;padding:.15rem .5rem}
        .message,output{display:block;margin:1rem 0;padding:.6rem .8rem;border-left:5px solid #616e7c;background:var(--soft)}
        output:empty{display:none}
        .message.ok,output.ok{border-color:#1b7f3b}.message.fail,output.fail{border-color:#b91c1c;background:#fdf2f2}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
        @media (max-width:40rem){main{padding:.5rem}table{font-size:.8rem}th,td{padding:.25rem}dl.facts{grid-template-columns:1fr}.indicator{padding:.5rem}svg.chart{min-width:34rem}}
        @media print{header.site,.skip,form,.noprint{display:none}body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}details:not([open]){display:none}.indicator{border:none;padding:0}h2{break-after:avoid}}
        """;

    public static string Encode(string? text) => HtmlEncoding.Encode(text);

    /// <summary>A link within the dashboard (the language is remembered in a cookie, so links carry none).</summary>
    public static string Href(string path) => Encode(path);

    public static string Badge(Rating rating, TextCatalogue text) =>
        $"<span class=\"badge r-{RatingCode.CssClass(rating)}\">{Encode(text.RatingName(rating))}</span>";

    /// <summary>A link to an entry on the log page, where the browser can check its inclusion proof.</summary>
    public static string EntryLink(ulong index, TextCatalogue text) =>
        $"<a href=\"/log?entry={index}#verify\" title=\"{Encode(text.CheckEntry)}\">#{index}</a>";

    public static string Render(DashboardRequest request, string title, string body, string? script = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        var html = new StringBuilder(body.Length + 8192);
        html.Append("<!doctype html><html lang=\"").Append(text.Code).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · OutcomeLedger</title><style nonce=\"").Append(request.Nonce).Append("\">")
            .Append(Style).Append('\n').Append(ScorecardChart.Css).Append("</style></head><body>")
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
            html.Append("<script nonce=\"").Append(request.Nonce).Append("\">").Append(script).Append("</script>");
        }

        return html.Append("</body></html>").ToString();
    }

    static void Link(StringBuilder html, string path, string label, bool current) =>
        html.Append("<a href=\"").Append(path).Append('"').Append(current ? " aria-current=\"page\"" : "").Append('>').Append(Encode(label)).Append("</a>");
}
