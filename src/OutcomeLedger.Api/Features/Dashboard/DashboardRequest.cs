using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Primitives;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// What a page needs from its request: the language (asked for, remembered or the browser's), the CSP nonce of its
/// inline style and script, the signed-in party if any, and the anti-forgery field its forms carry.
/// </summary>
internal sealed class DashboardRequest
{
    public const string LanguageCookie = "ol_lang";
    const string NonceItem = "dashboard.nonce";

    DashboardRequest(HttpContext context, TextCatalogue text, string nonce, AccessToken? session, string antiforgeryField, DashboardSection section)
    {
        Context = context;
        Text = text;
        Nonce = nonce;
        Session = session;
        AntiforgeryField = antiforgeryField;
        Section = section;
    }

    public HttpContext Context { get; }

    public TextCatalogue Text { get; }

    public string Nonce { get; }

    public AccessToken? Session { get; }

    /// <summary>The hidden input with the anti-forgery token, or empty on a page without forms.</summary>
    public string AntiforgeryField { get; }

    public DashboardSection Section { get; }

    /// <summary>
    /// The request's view; <paramref name="forms"/> issues an anti-forgery token (always when signed in: the sign-out
    /// button is a form).
    /// </summary>
    public static DashboardRequest Create(HttpContext context, DashboardSection section, bool forms = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = ChooseLanguage(context);
        var session = DashboardSession.Current(context);
        var field = "";
        if (forms || session is not null)
        {
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            field = $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(tokens.FormFieldName)}\" value=\"{WebUtility.HtmlEncode(tokens.RequestToken)}\">";
        }

        return new DashboardRequest(context, text, NonceOf(context), session, field, section);
    }

    /// <summary>Sets the page's security headers: a CSP allowing only this origin and this response's nonce.</summary>
    public static void SetSecurityHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nonce = NonceOf(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }

    static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }

    /// <summary>The current path and query with <c>lang</c> set to <paramref name="code"/>: the language switch.</summary>
    public string PathWithLanguage(string code)
    {
        var query = Context.Request.Query.Where(q => q.Key != "lang")
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append("lang=" + code);
        return Context.Request.PathBase + Context.Request.Path.ToUriComponent() + "?" + string.Join('&', query);
    }

    /// <summary>?lang= wins and is remembered in a cookie; else the cookie; else the browser's preferred of en and es.</summary>
    static TextCatalogue ChooseLanguage(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (asked is "en" or "es")
        {
            context.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
            return ForCode(asked);
        }

        if (context.Request.Cookies.TryGetValue(LanguageCookie, out var remembered) && remembered is "en" or "es")
        {
            return ForCode(remembered);
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Primary(l.Value))
            .FirstOrDefault(l => l is "en" or "es");
        return ForCode(accepted ?? "en");
    }

    static TextCatalogue ForCode(string code) => TextCatalogue.TryParseLanguage(code, out var language) ? TextCatalogue.For(language) : TextCatalogue.English;

    static string Primary(StringSegment tag)
    {
        var value = tag.ToString().ToLowerInvariant();
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? value : value[..dash];
    }
}
