using OutcomeLedger.Api.Features.Dashboard;

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
    /// can sign in.
    /// </summary>
    static bool SignedInOrSigningIn(HttpContext context) =>
        DashboardSession.Current(context) is not null
        || (context.Request.Path == "/submit" && context.Request.Query.Count == 0)
        || context.Request.Path.StartsWithSegments(DashboardAssets.Prefix, StringComparison.Ordinal);

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
