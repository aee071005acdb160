using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutcomeLedger.Api.Tests;

/// <summary>HEAD on every GET endpoint answers as GET does, without a body (RFC 9110 §9.3.2), where it was 405.</summary>
public sealed class HeadRequestsTests(TestServer server) : IClassFixture<TestServer>
{
    /// <summary>One GET endpoint of each kind: log, tiles, entries, records, scorecards in each format, pages, assets, OpenAPI, and a 404.</summary>
    public static TheoryData<string> Paths => new()
    {
        "checkpoint",
        "tile/0/000.p/2",
        "tile/entries/000.p/2",
        "api/v1/entries/0",
        "api/v1/entries/0/receipt",
        "api/v1/entries/99999",
        "api/v1/consistency?from=1&to=2",
        "api/v1/parties",
        "api/v1/measurements",
        "api/v1/scorecard?agreement=us-mx-security",
        "api/v1/scorecard?agreement=us-mx-security&format=html",
        "api/v1/scorecard?agreement=us-mx-security&format=md&lang=es",
        "api/v1/witness",
        "",
        "log",
        "commitments/reduce-fentanyl-flow",
        "openapi/v1.json",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Head_GetEndpoint_SameStatusAndHeadersWithoutABody(string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var get = await server.Client.GetAsync(path, cancellationToken);
        var body = await get.Content.ReadAsByteArrayAsync(cancellationToken);
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), cancellationToken);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Headers.CacheControl?.ToString(), head.Headers.CacheControl?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(cancellationToken));
        if (head.Content.Headers.ContentLength is { } length)
        {
            Assert.Equal(body.Length, length);
        }
    }

    /// <summary>On the wire, not only as HttpClient reads it: the headers end the response.</summary>
    [Theory]
    [InlineData("/checkpoint")]
    [InlineData("/api/v1/scorecard?agreement=us-mx-security&format=html")]
    [InlineData("/api/v1/entries/99999")]
    public async Task Head_OnTheWire_NothingAfterTheHeaders(string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HEAD {path} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nConnection: close\r\n\r\n"), cancellationToken);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        var response = Encoding.ASCII.GetString(received.ToArray());

        Assert.Matches(@"^HTTP/1\.1 (200|404) ", response);
        Assert.EndsWith("\r\n\r\n", response, StringComparison.Ordinal);
        Assert.Equal(response.Length - 4, response.IndexOf("\r\n\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Head_PostOnlyEndpoint_StillMethodNotAllowed()
    {
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/v1/imports"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
    }
}
