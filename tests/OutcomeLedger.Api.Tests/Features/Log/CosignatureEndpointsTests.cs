using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Tests.Features.Log;

public sealed class CosignatureEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    static readonly TimeProvider Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestServer.At);

    async Task<(ulong Size, SignedNote Note)> LatestAsync()
    {
        var latest = (await server.Services.GetRequiredService<ServedLedger>().Store.GetLatestCheckpointAsync(TestContext.Current.CancellationToken))!;
        Assert.True(SignedNote.TryParse(Encoding.UTF8.GetBytes(latest.Note), out var note, out _));
        return (latest.Size, note);
    }

    static string CosignatureLine(SignedNote note, SignerKey witness) => note.AddSignatures(witness.CreateSigner(Clock)).Signatures[^1].ToLine();

    Task<HttpResponseMessage> PostAsync(ulong size, string body) =>
        server.Client.PostAsync($"api/v1/checkpoints/{size}/cosignatures", new StringContent(body, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Post_TrustedWitnessCosignature_ServedWithTheCheckpoint()
    {
        using var witness = SignerKey.Generate("witness.example/trusted", NoteKeyType.CosignatureV1);
        await File.AppendAllTextAsync(Path.Combine(server.Folder, CosignatureEndpoints.WitnessesFile), witness.VerifierKey + "\n", TestContext.Current.CancellationToken);
        var (size, note) = await LatestAsync();
        var line = CosignatureLine(note, witness);

        using var response = await PostAsync(size, line);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var served = await server.Client.GetByteArrayAsync("checkpoint", TestContext.Current.CancellationToken);
        Assert.True(SignedNote.TryOpen(served, new NoteVerifierSet([witness.VerifierKey.CreateVerifier()]), out _, out var error), error?.Message);
        var logPage = await server.Client.GetStringAsync("log?lang=en", TestContext.Current.CancellationToken);
        Assert.Contains("witness.example/trusted", logPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownWitness_Forbidden()
    {
        using var stranger = SignerKey.Generate("witness.example/stranger", NoteKeyType.CosignatureV1);
        var (size, note) = await LatestAsync();
        using var response = await PostAsync(size, CosignatureLine(note, stranger));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_CosignatureOfAnotherCheckpoint_Unprocessable()
    {
        using var witness = SignerKey.Generate("witness.example/careless", NoteKeyType.CosignatureV1);
        await File.AppendAllTextAsync(Path.Combine(server.Folder, CosignatureEndpoints.WitnessesFile), witness.VerifierKey + "\n", TestContext.Current.CancellationToken);
        var checkpoints = await server.Services.GetRequiredService<ServedLedger>().Store.GetCheckpointsAsync(TestContext.Current.CancellationToken);
        Assert.True(SignedNote.TryParse(Encoding.UTF8.GetBytes(checkpoints[1].Note), out var older, out _));
        using var response = await PostAsync(checkpoints[^1].Size, CosignatureLine(older, witness));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData(99999UL)]
    [InlineData(9223372036854775808UL)]
    [InlineData(ulong.MaxValue)]
    public async Task Post_NoSuchCheckpoint_NotFound(ulong size)
    {
        using var response = await PostAsync(size, "— x AAAA\n");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
