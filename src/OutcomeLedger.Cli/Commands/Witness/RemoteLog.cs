using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Cli.Commands.Witness;

/// <summary>
/// The HTTP side of a log an OutcomeLedger server serves: its checkpoint, consistency proofs between two sizes, and the
/// endpoint that takes cosignatures. Every response is read up to a bound; any transport failure or unexpected status
/// is an <see cref="IOException"/> naming the URL.
/// </summary>
internal sealed class RemoteLog : IDisposable
{
    const int MaxResponse = 64 * 1024;

    readonly HttpClient _client;

    RemoteLog(Uri baseAddress, TimeSpan timeout, string? token)
    {
        BaseAddress = baseAddress;
        _client = new HttpClient(new SocketsHttpHandler { MaxAutomaticRedirections = 5, ConnectTimeout = timeout }) { BaseAddress = baseAddress, Timeout = timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("outcomes-witness/1");
        if (!string.IsNullOrEmpty(token))
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri BaseAddress { get; }

    public static RemoteLog? TryCreate(string url, TimeSpan timeout, string? token)
    {
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return null;
        }

        return new RemoteLog(uri, timeout, token);
    }

    /// <summary>The raw checkpoint note, or null when the log has none yet (404).</summary>
    public async Task<byte[]?> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "checkpoint"), cancellationToken);
        return status == HttpStatusCode.NotFound ? null : Expect(status, HttpStatusCode.OK, "checkpoint", body);
    }

    /// <summary>The consistency proof the log offers from <paramref name="from"/> to <paramref name="to"/> (unverified).</summary>
    public async Task<IReadOnlyList<Hash>> GetConsistencyAsync(ulong from, ulong to, CancellationToken cancellationToken)
    {
        var path = $"api/v1/consistency?from={from}&to={to}";
        var (status, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        Expect(status, HttpStatusCode.OK, path, body);
        try
        {
            using var json = JsonDocument.Parse(body);
            var proof = new List<Hash>();
            foreach (var line in json.RootElement.GetProperty("proof").EnumerateArray())
            {
                proof.Add(Hash.TryParseBase64(line.GetString(), out var hash) ? hash : throw new InvalidDataException($"{path}: a proof hash is not base64 SHA-256"));
            }

            return proof;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a consistency proof ({e.Message})", e);
        }
    }

    /// <summary>Hands a cosignature line to the log; the status the log answered (204 when stored).</summary>
    public async Task<(HttpStatusCode Status, string Detail)> PostCosignatureAsync(ulong size, string line, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/checkpoints/{size}/cosignatures") { Content = new StringContent(line, Encoding.UTF8, "text/plain") };
        var (status, body) = await SendAsync(request, cancellationToken);
        var detail = "";
        try
        {
            using var json = JsonDocument.Parse(body);
            detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            // Not a problem document: the status says enough.
        }

        return (status, detail);
    }

    async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > MaxResponse)
                    {
                        throw new InvalidDataException($"{new Uri(BaseAddress, request.RequestUri!)}: the response is larger than {MaxResponse} bytes");
                    }

                    buffer.Write(chunk, 0, read);
                }

                return (response.StatusCode, buffer.ToArray());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"{new Uri(BaseAddress, request.RequestUri!)}: {e.Message}", e);
            }
        }
    }

    byte[] Expect(HttpStatusCode status, HttpStatusCode expected, string path, byte[] body) => status == expected
        ? body
        : throw new IOException($"{new Uri(BaseAddress, path)} answered {(int)status} {status}{(status == HttpStatusCode.Unauthorized ? " (a private log: pass --token)" : "")}");

    public void Dispose() => _client.Dispose();
}
