using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OutcomeLedger.Api.Access;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// Sign-in for the dashboard's forms: the party's API token, checked like a bearer token, kept in an HttpOnly,
/// SameSite=Strict cookie encrypted with the server's data-protection keys. Each request checks the token again, so a
/// revoked token signs the analyst out at once. The token never appears in a page.
/// </summary>
internal sealed class DashboardSession(IDataProtectionProvider protection, WriteAccess access)
{
    public const string CookieName = "ol_session";
    const string Item = "dashboard.session";

    readonly IDataProtector _protector = protection.CreateProtector("OutcomeLedger.Dashboard.Session.v1");

    /// <summary>The signed-in token, or null (no cookie, a cookie this server cannot read, or a token no longer valid).</summary>
    public AccessToken? Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Item, out var cached))
        {
            return cached as AccessToken;
        }

        AccessToken? token = null;
        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie) && cookie.Length < 2048)
        {
            try
            {
                token = access.Find(_protector.Unprotect(cookie), out _);
            }
            catch (CryptographicException)
            {
                // A cookie from another key ring or a tampered one: not signed in.
            }
        }

        context.Items[Item] = token;
        return token;
    }

    /// <summary>Signs in with a token; on failure returns null and why (never the token).</summary>
    public AccessToken? SignIn(HttpContext context, string presented, out string failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = access.Find(presented.Trim(), out failure);
        if (token is null)
        {
            return null;
        }

        context.Response.Cookies.Append(CookieName, _protector.Protect(presented.Trim()), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
        context.Items[Item] = token;
        return token;
    }

    public static void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        context.Items[Item] = null;
    }
}
