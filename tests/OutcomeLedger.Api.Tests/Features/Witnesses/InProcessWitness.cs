using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutcomeLedger.Api.Features.Witness;
using OutcomeLedger.Api.Features.Witnesses;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Tests.Features.Witnesses;

/// <summary>
/// A witness on a real Kestrel at a free loopback port: one of ours (<see cref="WitnessServer"/>, as <c>outcomes witness
/// serve</c> runs it), or a scripted one that answers add-checkpoint however a test says (malformed, wrong key, hanging).
/// </summary>
internal sealed class InProcessWitness : IAsyncDisposable
{
    WebApplication? _app;

    InProcessWitness(WebApplication app, VerifierKey key, string? stateFolder)
    {
        _app = app;
        Key = key;
        StateFolder = stateFolder;
    }

    public VerifierKey Key { get; }

    public string? StateFolder { get; }

    public Uri Url { get; private set; } = null!;

    public LogWitness AsLogWitness => new(Url, Key);

    /// <summary>How many add-checkpoint requests reached it.</summary>
    public int Requests => _requests;

    int _requests;

    static SignerKey NewKey(string name, byte seed) => SignerKey.FromSeed(name, NoteKeyType.CosignatureV1, Enumerable.Repeat(seed, 32).ToArray());

    /// <summary>One of ours, cosigning <paramref name="log"/>, its state in a new temporary folder.</summary>
    public static async Task<InProcessWitness> StartOursAsync(string name, byte seed, VerifierKey log)
    {
        var state = Path.Combine(Path.GetTempPath(), "outcomes-witnesses", Guid.NewGuid().ToString("N"));
        var key = NewKey(name, seed);
        var verifier = key.VerifierKey;
        var app = WitnessServer.Build(new WitnessServerOptions { Key = key, Logs = [log], StateFolder = state, Urls = ["http://127.0.0.1:0"] });
        var witness = new InProcessWitness(app, verifier, state);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref witness._requests);
            await next(context);
        });
        await witness.StartAsync();
        return witness;
    }

    /// <summary>A scripted witness whose key is <paramref name="name"/>/<paramref name="seed"/>; <paramref name="answer"/> writes every response.</summary>
    public static async Task<InProcessWitness> StartScriptedAsync(string name, byte seed, Func<HttpContext, SignerKey, Task> answer)
    {
        var key = NewKey(name, seed);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var witness = new InProcessWitness(app, key.VerifierKey, null);
        app.MapPost("/add-checkpoint", context =>
        {
            Interlocked.Increment(ref witness._requests);
            return answer(context, key);
        });
        await witness.StartAsync();
        return witness;
    }

    async Task StartAsync()
    {
        await _app!.StartAsync(TestContext.Current.CancellationToken);
        Url = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
    }

    /// <summary>Kills it: the port stops answering.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(TestContext.Current.CancellationToken);
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (StateFolder is not null && Directory.Exists(StateFolder))
        {
            Directory.Delete(StateFolder, recursive: true);
        }
    }
}
