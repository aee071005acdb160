using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The dashboard's stylesheet and script as static files under <c>/assets/</c>, so the pages' CSP allows only
/// <c>'self'</c> and nothing inline. The files (<c>Features/Dashboard/Assets/</c>) are embedded in this assembly, so
/// <c>outcomes serve</c> works from any folder the CLI is published to; the stylesheet is followed by the charts' styles
/// from Core (<see cref="ScorecardChart.Css"/>), which the self-contained HTML scorecard inlines instead.
/// </summary>
/// <remarks>
/// Pages link each file with its content hash as <c>?v=</c>: that URL is cached for a year as immutable, and a new
/// build changes the URL. A request without the current hash (an old page, a person typing the address) revalidates
/// with the ETag instead.
/// </remarks>
public sealed class DashboardAssets
{
    public const string Prefix = "/assets";
    public const string Stylesheet = "dashboard.css";
    public const string ProofCheckScript = "proof-check.js";
    const string Immutable = "public, max-age=31536000, immutable";
    const string Revalidate = "no-cache";

    readonly Dictionary<string, Asset> _assets;

    DashboardAssets(IEnumerable<Asset> assets) => _assets = assets.ToDictionary(a => a.Name, StringComparer.Ordinal);

    sealed record Asset(string Name, string ContentType, byte[] Bytes, string Version)
    {
        public EntityTagHeaderValue ETag { get; } = new($"\"{Version}\"");
    }

    /// <summary>Reads the embedded files once, when the server is built.</summary>
    internal static DashboardAssets Load()
    {
        var stylesheet = Embedded(Stylesheet).Concat(System.Text.Encoding.UTF8.GetBytes(ScorecardChart.Css + "\n")).ToArray();
        return new DashboardAssets(
        [
            Create(Stylesheet, "text/css; charset=utf-8", stylesheet),
            Create(ProofCheckScript, "text/javascript; charset=utf-8", Embedded(ProofCheckScript)),
        ]);
    }

    static Asset Create(string name, string contentType, byte[] bytes) =>
        new(name, contentType, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);

    static byte[] Embedded(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("OutcomeLedger.Api.Assets." + name)
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The URL pages use for an asset: its path with its content hash.</summary>
    public string Url(string name) => $"{Prefix}/{name}?v={_assets[name].Version}";

    internal static IEndpointRouteBuilder MapAssets(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Prefix + "/{name}", (string name, string? v, HttpContext context, DashboardAssets assets) => assets.Get(name, v, context))
            .ExcludeFromDescription();
        return routes;
    }

    IResult Get(string name, string? version, HttpContext context)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = version == asset.Version ? Immutable : Revalidate;
        headers.XContentTypeOptions = "nosniff";
        // Conditional requests (If-None-Match) are answered 304 by the result itself.
        return TypedResults.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.ETag);
    }
}
