using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Primitives;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// What a page needs from its request: the language (asked for, remembered or the browser's), the signed-in party if
/// any, the anti-forgery field its forms carry, and the URLs of the dashboard's stylesheet and script.
/// </summary>
public sealed class DashboardRequest
{
    public const string LanguageCookie = "ol_lang";

    DashboardRequest(HttpContext context, TextCatalogue text, DashboardAssets assets, AccessToken? session, AntiforgeryTokenSet? antiforgery, DashboardSection section)
    {
        Context = context;
        Text = text;
        Assets = assets;
        Session = session;
        Antiforgery = antiforgery;
        Section = section;
    }

    public HttpContext Context { get; }

    public TextCatalogue Text { get; }

    public DashboardAssets Assets { get; }

    public AccessToken? Session { get; }

    /// <summary>The anti-forgery token the page's forms carry (<see cref="AntiforgeryField"/>), or null on a page without forms.</summary>
    public AntiforgeryTokenSet? Antiforgery { get; }

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
        var antiforgery = forms || session is not null
            ? context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context)
            : null;

        return new DashboardRequest(context, text, context.RequestServices.GetRequiredService<DashboardAssets>(), session, antiforgery, section);
    }

    /// <summary>
    /// The pages' CSP: scripts and styles only from this origin's files (<see cref="DashboardAssets"/>), nothing inline,
    /// so a page is the same for every response and may be kept whole.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Sets the page's security headers.</summary>
    public static void SetSecurityHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
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
