namespace OutcomeLedger.Api;

/// <summary>
/// The API's version in its paths: every JSON endpoint lives under one route group, <c>/api/v1</c>, so the next
/// incompatible version can live beside it. The paths of before (<c>/api/…</c> without a version) answer 308 with the
/// same path under <c>/api/v1</c>, which a client follows keeping its method and body.
/// </summary>
internal static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    const string Unversioned = "/api";

    /// <summary>The group every API feature maps its endpoints on, by paths relative to <see cref="Prefix"/>.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder routes) => routes.MapGroup(Prefix);

    /// <summary>308 from an unversioned <c>/api/…</c> path to the same path and query under <see cref="Prefix"/>.</summary>
    public static IApplicationBuilder UseUnversionedApiRedirect(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(Unversioned, StringComparison.Ordinal, out var rest) && rest.HasValue
            && !path.StartsWithSegments(Prefix, StringComparison.Ordinal) && !rest.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = context.Request.PathBase + Prefix + rest.ToUriComponent() + context.Request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        }

        return next(context);
    });
}
