using System.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>Pages as results: HTML with the dashboard's security headers, and a status code when it is not 200.</summary>
internal static class DashboardResults
{
    public static IResult Page(DashboardRequest request, string title, string body, string? script = null, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(request);
        DashboardRequest.SetSecurityHeaders(request.Context);
        if (request.Session is not null)
        {
            // A signed-in page names the party: not for shared caches.
            request.Context.Response.Headers.CacheControl = "no-store";
        }

        return TypedResults.Content(DashboardPage.Render(request, title, body, script), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>An anonymous page kept whole as UTF-8 (the same for every reader at one checkpoint).</summary>
    public static IResult Kept(DashboardRequest request, byte[] html)
    {
        ArgumentNullException.ThrowIfNull(request);
        DashboardRequest.SetSecurityHeaders(request.Context);
        return TypedResults.Bytes(html, "text/html; charset=utf-8");
    }

    /// <summary>A page saying plainly what is missing or refused, with its status code.</summary>
    public static IResult Message(DashboardRequest request, string title, string message, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = "<p class=\"message fail\" role=\"alert\">" + DashboardPage.Encode(message) + "</p>";
        return Page(request, title, body, status: status);
    }
}
