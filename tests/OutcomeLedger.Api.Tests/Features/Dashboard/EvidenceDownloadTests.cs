using System.Net;
using System.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>Evidence downloads by SHA-256: the right type, always an attachment, and never a file that fails its hash.</summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class EvidenceDownloadTests(DemoDashboard demo)
{
    [Fact]
    public async Task Get_DepositedPdf_AttachmentWithItsTypeAndExactBytes()
    {
        using var client = demo.NewClient();
        using var response = await client.GetAsync("/evidence/" + demo.EvidenceSha256, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{demo.EvidenceSha256}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(DemoDashboard.EvidencePdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_CsvNamedInASource_TextCsv()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("month,value\n2026-01,1\n"));
        var sha = await demo.Ledger.Folder.Blobs.PutAsync(content, TestContext.Current.CancellationToken);
        using var client = demo.NewClient();
        using var response = await client.GetAsync("/evidence/" + sha, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Not named by any source: plain text, never rendered as HTML.
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Get_FileChangedOnDisk_DownloadAborted()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.4 original evidence"));
        var sha = await demo.Ledger.Folder.Blobs.PutAsync(content, TestContext.Current.CancellationToken);
        // A SQLite ledger keeps its evidence in a folder: change the file under the store.
        var path = Path.Combine(Assert.IsType<OutcomeLedger.Storage.BlobStore>(demo.Ledger.Folder.Blobs).Root, sha[..2], sha);
        await File.WriteAllTextAsync(path, "%PDF-1.4 tampered evidenc", TestContext.Current.CancellationToken);
        using var client = demo.NewClient();

        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            using var response = await client.GetAsync("/evidence/" + sha, TestContext.Current.CancellationToken);
            await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        });
    }

    [Fact]
    public async Task Get_Unknown_NotFoundProblem()
    {
        using var client = demo.NewClient();
        using var response = await client.GetAsync("/evidence/" + new string('0', 64), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("..%2F..%2Fledger.db")]
    public async Task Get_NotASha256_BadRequestProblem(string address)
    {
        using var client = demo.NewClient();
        using var response = await client.GetAsync("/evidence/" + address, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
