using System.Diagnostics.CodeAnalysis;
using System.Net;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>
/// Reads a tiled log's files over HTTP(S) below a URL prefix: 404 and 410 are missing files (null); any other failure
/// (refused connection, time-out, other status) is an <see cref="IOException"/>. Responses are read up to one byte over
/// the largest file the path may hold, and each request has a time-out.
/// </summary>
internal sealed class HttpTileReader : IDisposable
{
    public const int DefaultTimeoutSeconds = 30;

    readonly HttpClient _client;
    readonly Uri _prefix;

    HttpTileReader(Uri prefix, TimeSpan timeout)
    {
        _prefix = prefix;
        var handler = new SocketsHttpHandler { MaxAutomaticRedirections = 5, ConnectTimeout = timeout };
        _client = new HttpClient(handler) { Timeout = timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("outcomes-log-verify-tiles/1");
    }

    public static bool TryCreate(string prefix, TimeSpan timeout, [NotNullWhen(true)] out HttpTileReader? reader, [NotNullWhen(false)] out string? error)
    {
        reader = null;
        if (!Uri.TryCreate(prefix.EndsWith('/') ? prefix : prefix + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = "the URL prefix must be an absolute http:// or https:// URL without query or fragment";
            return false;
        }

        reader = new HttpTileReader(uri, timeout);
        error = null;
        return true;
    }

    public byte[]? Read(string path)
    {
        var url = new Uri(_prefix, path);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new IOException($"GET {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            using var body = response.Content.ReadAsStream();
            return BoundedRead.ReadToEnd(body, TiledLogVerifier.MaxFileSize(path) + 1);
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"GET {url}: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new IOException($"GET {url}: no response within {_client.Timeout.TotalSeconds:0} seconds", e);
        }
    }

    public void Dispose() => _client.Dispose();
}
