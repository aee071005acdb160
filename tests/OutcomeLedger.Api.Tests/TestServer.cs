using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests;

/// <summary>
/// A real SQLite ledger in a temp folder (operator, US, Mexico, a verifier, an agreement, a statement, a commitment, an
/// indicator and one US measurement), tokens for each role, and a real Kestrel server on 127.0.0.1 with a random port.
/// </summary>
public sealed class TestServer : IAsyncLifetime
{
    public static readonly DateTimeOffset At = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly PartyId OperatorId = new("operator");
    public static readonly PartyId UsId = new("us");
    public static readonly PartyId MxId = new("mx");
    public static readonly PartyId VerifierId = new("gao");
    public static readonly AgreementId Agreement = new("us-mx-security");
    public static readonly StatementId Statement = new("joint-statement-2026-01-15");
    public static readonly CommitmentId Commitment = new("reduce-fentanyl-flow");
    public static readonly IndicatorId Seizures = new("sw-border-fentanyl-seizures");

    WebApplication? _app;

    /// <summary>The server's clock, the log's too: it stands at <see cref="At"/> unless a test moves it.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(At);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "outcomes-api-tests", Guid.NewGuid().ToString("N"));

    public SigningKey Operator { get; } = SigningKey.FromSeed(Seed(1));

    public SigningKey Us { get; } = SigningKey.FromSeed(Seed(2));

    public SigningKey Mx { get; } = SigningKey.FromSeed(Seed(3));

    public SigningKey Verifier { get; } = SigningKey.FromSeed(Seed(4));

    /// <summary>The log index of the indicator the fixture logs (proposed by the United States).</summary>
    public ulong SeizuresIndicator { get; private set; }

    /// <summary>The log index of the US measurement the fixture logs.</summary>
    public ulong UsMeasurement { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public Dictionary<AccessRole, string> Tokens { get; } = [];

    public string RevokedToken { get; private set; } = "";

    /// <summary>Writes each client address may make per minute; a test of the limiter lowers it.</summary>
    public int WritesPerMinute { get; init; } = 100_000;

    /// <summary>Serve the ledger privately: every read needs a token.</summary>
    public bool Private { get; init; }

    /// <summary>The United States delegates its signing key to the server (the dashboard's forms and imports sign with it).</summary>
    public bool DelegateUsKey { get; init; }

    /// <summary>Mexico delegates its signing key to the server (attestations by period, the review queue).</summary>
    public bool DelegateMxKey { get; init; }

    /// <summary>The verifier delegates its signing key to the server (source checks sign with it).</summary>
    public bool DelegateVerifierKey { get; init; }

    /// <summary>A party token of Mexico, the counterparty of the United States' values.</summary>
    public string MxToken { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await using (var ledger = await LedgerFolder.CreateAsync(Folder, "api-tests.example/log", null, CancellationToken.None))
        {
            ledger.Clock = Clock;
            using var sequencer = await ledger.OpenSequencerAsync(CancellationToken.None);
            async Task<ulong> SubmitAsync(LedgerRecord record, SigningKey key)
            {
                var result = (await sequencer.SubmitAsync([EntryCodec.Sign(record, key)], CancellationToken.None))[0];
                Assert.True(result.IsLogged, string.Join("; ", result.Errors));
                return result.Index!.Value;
            }

            await SubmitAsync(Party(OperatorId, "Ledger operator", PartyRole.Operator, Operator), Operator);
            await SubmitAsync(Party(UsId, "United States", PartyRole.Party, Us), Operator);
            await SubmitAsync(Party(MxId, "México", PartyRole.Party, Mx), Operator);
            await SubmitAsync(Party(VerifierId, "Audit office", PartyRole.Verifier, Verifier), Operator);
            await SubmitAsync(new AgreementRecord { Author = OperatorId, RecordedAt = At, Id = Agreement, Title = "U.S.–Mexico security cooperation", Parties = [UsId, MxId] }, Operator);
            await SubmitAsync(new StatementRecord
            {
                Author = UsId,
                RecordedAt = At,
                Id = Statement,
                Date = new DateOnly(2026, 1, 15),
                Title = "Joint statement",
                Parties = [UsId, MxId],
                StatementKind = StatementKind.JointStatement,
                SourceUrl = "https://www.state.gov/example",
            }, Us);
            await SubmitAsync(new CommitmentRecord
            {
                Author = UsId,
                RecordedAt = At,
                Id = Commitment,
                Agreement = Agreement,
                Text = "Significantly reduce the flow of fentanyl",
                Statements = [Statement],
                ResponsibleParties = [UsId, MxId],
                MadeOn = new DateOnly(2026, 1, 15),
            }, Us);
            SeizuresIndicator = await SubmitAsync(new IndicatorRecord
            {
                Author = UsId,
                RecordedAt = At,
                Id = Seizures,
                Commitment = Commitment,
                Name = "Fentanyl seized at the southwest border",
                Unit = "lb",
                MeasureType = MeasureType.Amount,
                Direction = Direction.Down,
                PeriodType = PeriodType.Month,
                Aggregation = Aggregation.Sum,
                Reporter = UsId,
                DataSource = "CBP nationwide drug seizures",
            }, Us);
            UsMeasurement = await SubmitAsync(Measurement("2026-01", 812.5m), Us);
        }

        var tokens = new AccessTokens(TokenFile.InFolder(Folder));
        Tokens[AccessRole.Party] = (await tokens.CreateAsync(UsId, AccessRole.Party, At, CancellationToken.None)).Token;
        Tokens[AccessRole.Verifier] = (await tokens.CreateAsync(VerifierId, AccessRole.Verifier, At, CancellationToken.None)).Token;
        Tokens[AccessRole.Admin] = (await tokens.CreateAsync(OperatorId, AccessRole.Admin, At, CancellationToken.None)).Token;
        MxToken = (await tokens.CreateAsync(MxId, AccessRole.Party, At, CancellationToken.None)).Token;
        var (revoked, revokedToken) = await tokens.CreateAsync(UsId, AccessRole.Party, At, CancellationToken.None);
        await tokens.RevokeAsync(revoked.Id, At, CancellationToken.None);
        RevokedToken = revokedToken;

        var delegated = new Dictionary<string, string>();
        if (DelegateUsKey)
        {
            var usKey = Path.Combine(Folder, "keys", "us-delegated.key");
            KeyFile.WriteSigningKey(usKey, Us);
            delegated["us"] = usKey;
        }

        if (DelegateMxKey)
        {
            var mxKey = Path.Combine(Folder, "keys", "mx-delegated.key");
            KeyFile.WriteSigningKey(mxKey, Mx);
            delegated["mx"] = mxKey;
        }

        if (DelegateVerifierKey)
        {
            var verifierKey = Path.Combine(Folder, "keys", "verifier-delegated.key");
            KeyFile.WriteSigningKey(verifierKey, Verifier);
            delegated[VerifierId.Value] = verifierKey;
        }

        var witnesses = Witnesses is null ? [] : await Witnesses(this);
        _app = await LedgerServer.BuildAsync(new LedgerServerOptions
        {
            Ledger = Folder,
            Time = Clock,
            Urls = ["http://127.0.0.1:0"],
            WritesPerMinute = WritesPerMinute,
            Private = Private,
            DelegatedKeys = delegated,
            Witnesses = witnesses,
            WitnessQuorum = WitnessQuorum,
            WitnessTimeout = WitnessTimeout,
            Metrics = Metrics,
            MaxCheckpointAge = MaxCheckpointAge,
        }, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>
    /// The tlog-witnesses the server submits its checkpoints to, made once the ledger exists (so they can be given its
    /// log key) and before the server starts.
    /// </summary>
    public Func<TestServer, Task<IReadOnlyList<OutcomeLedger.Api.Features.Witnesses.LogWitness>>>? Witnesses { get; init; }

    public int WitnessQuorum { get; init; }

    /// <summary>Serve <c>/metrics</c> (<c>--metrics</c>).</summary>
    public bool Metrics { get; init; }

    /// <summary><c>--max-checkpoint-age</c>: readiness fails while entries wait and the latest checkpoint is older.</summary>
    public TimeSpan? MaxCheckpointAge { get; init; }

    public TimeSpan WitnessTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The ledger's log verifier key.</summary>
    public OutcomeLedger.Core.Transparency.Notes.VerifierKey LogKey =>
        OutcomeLedger.Core.Transparency.Notes.VerifierKey.TryParse(File.ReadAllText(Path.Combine(Folder, "keys", "log.vkey")).Trim(), out var key, out var error)
            ? key
            : throw new InvalidDataException(error.Message);

    /// <summary>Adds a log to those the server's witness cosigns (it reads the list on each request).</summary>
    public void WitnessLog(OutcomeLedger.Core.Transparency.Notes.VerifierKey key)
    {
        lock (_witnessLock)
        {
            File.AppendAllText(Path.Combine(Folder, LedgerFolder.WitnessedLogsFile), key + "\n");
        }
    }

    readonly Lock _witnessLock = new();

    public static MeasurementRecord Measurement(string period, decimal value, PartyId? author = null) => new()
    {
        Author = author ?? UsId,
        RecordedAt = At,
        Indicator = Seizures,
        Period = Period.Parse(period),
        Value = value,
        Source = new MeasurementSource("CBP nationwide drug seizures", "https://www.cbp.gov/document/stats/nationwide-drug-seizures"),
    };

    public static PartyRecord Party(PartyId id, string name, PartyRole role, SigningKey key) =>
        new() { Author = OperatorId, RecordedAt = At, Id = id, Name = name, Role = role, Keys = [Convert.ToBase64String(key.PublicKey)] };

    public SigningKey KeyOf(PartyId party) => party == OperatorId ? Operator : party == UsId ? Us : party == MxId ? Mx : Verifier;

    /// <summary>POSTs a signed entry to <paramref name="path"/> with an optional bearer token.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, byte[] entry, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(entry) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Stops the server as a shutdown signal would: no new entries, the queued batches finish.</summary>
    public async Task StopServerAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await StopServerAsync();

        Operator.Dispose();
        Us.Dispose();
        Mx.Dispose();
        Verifier.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    static byte[] Seed(byte b) => Enumerable.Repeat(b, 32).ToArray();
}
