using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Core.Access;

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

    /// <summary>Reads the session cookie and looks its token up in the store, once per request (<see cref="Access.AccessTokenLookup"/>).</summary>
    public async Task ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AccessToken? token = null;
        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie) && cookie.Length < 2048)
        {
            string? presented = null;
            try
            {
                presented = _protector.Unprotect(cookie);
            }
            catch (CryptographicException)
            {
                // A cookie from another key ring or a tampered one: not signed in.
            }

            if (presented is not null)
            {
                (token, _) = await access.FindAsync(presented, context.RequestAborted);
            }
        }

        context.Items[Item] = token;
    }

    /// <summary>The signed-in token, or null (no cookie, a cookie this server cannot read, or a token no longer valid).</summary>
    public static AccessToken? Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Item, out var token) ? token as AccessToken : null;
    }

    /// <summary>Signs in with a token; on failure returns null and why (never the token).</summary>
    public async Task<(AccessToken? Token, string Failure)> SignInAsync(HttpContext context, string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presented);
        var (token, failure) = await access.FindAsync(presented.Trim(), cancellationToken);
        if (token is null)
        {
            return (null, failure);
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
        return (token, "");
    }

    public static void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        context.Items[Item] = null;
    }
}
