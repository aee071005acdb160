using Microsoft.AspNetCore.Routing.Patterns;

namespace OutcomeLedger.Api.Features.Metrics;

/// <summary>
/// <c>/metrics</c> (with <c>--metrics</c> only): the Prometheus scrape endpoint, never cached, and the middleware that
/// counts every request by its route template (never its path, which could name a token or grow without bound), method
/// and status. On a private ledger it needs a token like any read; without <c>--metrics</c> it does not exist (404).
/// </summary>
internal static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpContext context, PrometheusExporter exporter) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(exporter.Scrape(), PrometheusExporter.ContentType);
        }).WithTags("Health").WithName("Metrics").WithSummary("Prometheus metrics (with --metrics only)").ExcludeFromDescription();
        return routes;
    }

    /// <summary>Counts each request once answered; after routing, so the route template is known.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) =>
        app.UseRequestMetrics(app.ApplicationServices.GetRequiredService<LedgerMetrics>().Request);

    /// <summary>As the overload without it, counting with <paramref name="count"/> (route template, method, status).</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app, Action<string, string, int> count)
    {
        return app.Use(async (context, next) =>
        {
            var failed = true;
            try
            {
                await next(context);
                failed = false;
            }
            finally
            {
                var route = context.GetEndpoint() is RouteEndpoint { RoutePattern: RoutePattern pattern } ? pattern.RawText ?? "unknown" : "unmatched";
                count(route, context.Request.Method, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
            }
        });
    }
}
