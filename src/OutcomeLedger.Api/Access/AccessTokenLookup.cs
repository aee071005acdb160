using OutcomeLedger.Api.Features.Dashboard;

namespace OutcomeLedger.Api.Access;

/// <summary>
/// Looks up the request's bearer token and the dashboard's session token in the ledger's token store once, before the
/// private-reads check and the endpoints, which then read the outcome synchronously. The store may be a database that
/// several servers share, so a revocation counts from the next request on every one of them.
/// </summary>
internal static class AccessTokenLookup
{
    public static IApplicationBuilder UseAccessTokenLookup(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await context.RequestServices.GetRequiredService<WriteAccess>().ResolveBearerAsync(context);
        await context.RequestServices.GetRequiredService<DashboardSession>().ResolveAsync(context);
        await next(context);
    });
}
