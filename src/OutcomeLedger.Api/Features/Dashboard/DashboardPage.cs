using System.Net;
using System.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>The page shell: language, navigation with a language switch, inline styles; no external requests.</summary>
internal static class DashboardPage
{
    const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#111;background:#fff;line-height:1.5}
        nav{display:flex;gap:1rem;flex-wrap:wrap;border-bottom:1px solid #ccc;padding-bottom:.5rem;margin-bottom:1rem}
        nav .lang{margin-left:auto}
        a{color:#0645ad}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
        .rating{font-weight:bold;white-space:nowrap}
        pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        label{display:block;margin-top:.5rem;font-weight:bold}
        input,textarea,button{font:inherit;padding:.3rem}textarea{width:100%}
        button{margin-top:.5rem;cursor:pointer}
        output{display:block;margin-top:.75rem;padding:.5rem;border-left:4px solid #888}
        output.ok{border-color:#1a7f37}output.fail{border-color:#b00020}
        @media print{nav{display:none}}
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A link within the dashboard that keeps the language.</summary>
    public static string Href(string path, DashboardText text) => Encode(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + text.Code);

    public static string Render(DashboardText text, string title, string path, string body, string? script = null)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(text.Code).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · OutcomeLedger</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<nav aria-label=\"main\"><a href=\"").Append(Href("/", text)).Append("\">").Append(Encode(text.Agreements)).Append("</a>")
            .Append("<a href=\"").Append(Href("/log", text)).Append("\">").Append(Encode(text.Log)).Append("</a>")
            .Append("<a href=\"").Append(Href("/submit", text)).Append("\">").Append(Encode(text.Submit)).Append("</a>")
            .Append("<a class=\"lang\" hreflang=\"").Append(text.OtherCode).Append("\" href=\"").Append(Encode(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + text.OtherCode)).Append("\">")
            .Append(Encode(text.OtherLanguage)).Append("</a></nav><main><h1>").Append(Encode(title)).Append("</h1>")
            .Append(body).Append("</main>");
        if (script is not null)
        {
            html.Append("<script>").Append(script).Append("</script>");
        }

        return html.Append("</body></html>").ToString();
    }
}
