using System.Text;
using Microsoft.AspNetCore.Components;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>Pages as results: HTML with the dashboard's security headers, and a status code when it is not 200.</summary>
internal static class DashboardResults
{
    /// <summary>Renders page component <typeparamref name="TPage"/> with <paramref name="parameters"/>.</summary>
    public static async Task<IResult> PageAsync<TPage>(DashboardRequest request, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(request);
        var html = await DashboardRenderer.RenderAsync<TPage>(request.Context, parameters);
        DashboardRequest.SetSecurityHeaders(request.Context);
        if (request.Session is not null)
        {
            // A signed-in page names the party: not for shared caches.
            request.Context.Response.Headers.CacheControl = "no-store";
        }

        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>An anonymous page kept whole as UTF-8 (the same for every reader at one checkpoint).</summary>
    public static IResult Kept(DashboardRequest request, byte[] html)
    {
        ArgumentNullException.ThrowIfNull(request);
        DashboardRequest.SetSecurityHeaders(request.Context);
        return TypedResults.Bytes(html, "text/html; charset=utf-8");
    }

    /// <summary>A page saying plainly what is missing or refused, with its status code.</summary>
    public static Task<IResult> MessageAsync(DashboardRequest request, string title, string message, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageAsync<MessagePage>(request, new()
        {
            [nameof(MessagePage.Request)] = request,
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Message)] = message,
        }, status);
    }
}
