using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Storage.Sqlite;

namespace OutcomeLedger.Api.Tests.Features.Imports;

/// <summary>
/// <c>POST /api/v1/imports</c> on a full disk: the CSV is stored as evidence before its values are logged, the append
/// then fails with a real SQLITE_FULL (the database may not grow), and the server answers 507 with nothing left behind:
/// no values, and no evidence file that no entry cites. Once space is freed the same request goes through.
/// </summary>
public sealed class ImportDiskFullTests : IAsyncLifetime
{
    const string Query = "indicator=sw-border-fentanyl-seizures&map=period=Month,value=Pounds&dataset=CBP%20monthly&file=cbp.csv";

    readonly TestServer _server = new() { DelegateUsKey = true };

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_DiskFullDuringTheAppend_507AndTheEvidenceFileTakenBack()
    {
        // Every month from 2001 on: a batch far larger than the free room in the database's pages.
        var csv = new StringBuilder("Month,Pounds\n");
        for (var month = new DateOnly(2001, 1, 1); month < new DateOnly(2026, 1, 1); month = month.AddMonths(1))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{month:yyyy-MM},{month.Year + month.Month}\n");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv.ToString())));
        var evidence = Path.Combine(_server.Folder, "blobs", sha256[..2], sha256);
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);
        var store = (SqliteLogStore)_server.Services.GetRequiredService<ServedLedger>().Folder.Store;
        await store.LimitGrowthAsync(0, Cancel);

        using (var full = await ImportAsync(csv.ToString()))
        {
            var problem = await ProblemAssert.IsProblemAsync(full, HttpStatusCode.InsufficientStorage);
            Assert.Contains("nothing of this request was written", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
        Assert.False(File.Exists(evidence), "the evidence file of values that were not logged was left behind");
        var blobs = Path.Combine(_server.Folder, "blobs");
        Assert.Empty(Directory.Exists(blobs)
            ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            : []);

        // Space freed: the same request logs every value, and its evidence stays.
        await store.LimitGrowthAsync(-1, Cancel);
        using var retried = await ImportAsync(csv.ToString());
        var body = await retried.Content.ReadAsStringAsync(Cancel);
        Assert.True(retried.StatusCode == HttpStatusCode.OK, body);
        Assert.True(File.Exists(evidence));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(evidence)!, "*.claim-*"));
    }

    async Task<HttpResponseMessage> ImportAsync(string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/imports?" + Query) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _server.Tokens[AccessRole.Party]);
        return await _server.Client.SendAsync(request, Cancel);
    }
}
