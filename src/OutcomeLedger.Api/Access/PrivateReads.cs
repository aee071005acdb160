using OutcomeLedger.Api.Features.Dashboard;
using OutcomeLedger.Api.Features.Health;

namespace OutcomeLedger.Api.Access;

/// <summary>
/// A private ledger: every read (API, pages, tiles, checkpoint, the OpenAPI document) needs a valid, unrevoked token of
/// any role. Writes are unchanged: entries need a token and a signature, and witness requests and cosignatures
/// authenticate by their own signatures.
/// </summary>
internal static class PrivateReads
{
    const string SharedCache = "public";

    /// <summary>
    /// A browser carries no bearer header: the dashboard's session cookie (a token checked again on every request) counts
    /// as one, and the sign-in page itself, which shows no ledger data, is open (with its stylesheet) so that an analyst
    /// can sign in. So are /healthz and /readyz, for orchestrators, which show no ledger data either.
    /// </summary>
    static bool SignedInOrSigningIn(HttpContext context) =>
        DashboardSession.Current(context) is not null
        || (context.Request.Path == "/submit" && context.Request.Query.Count == 0)
        || context.Request.Path.StartsWithSegments(DashboardAssets.Prefix, StringComparison.Ordinal)
        || HealthEndpoints.Paths.Contains(context.Request.Path.Value, StringComparer.Ordinal);

    public static IApplicationBuilder UsePrivateReads(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var access = context.RequestServices.GetRequiredService<WriteAccess>();
            if (access.Authenticate(context, out var problem) is null && !SignedInOrSigningIn(context))
            {
                await problem!.ExecuteAsync(context);
                return;
            }

            // A shared cache must not hand a private tile to a reader without a token: only the reader's own cache may keep it.
            context.Response.OnStarting(() =>
            {
                var cache = context.Response.Headers.CacheControl.ToString();
                if (cache.StartsWith(SharedCache, StringComparison.Ordinal))
                {
                    context.Response.Headers.CacheControl = "private" + cache[SharedCache.Length..];
                }

                return Task.CompletedTask;
            });
        }

        await next(context);
    });
}
