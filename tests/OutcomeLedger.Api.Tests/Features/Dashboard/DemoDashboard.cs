using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// The demo ledger as <c>outcomes demo</c> builds it, plus one U.S. measurement with a PDF deposited as evidence,
/// tokens for the U.S., Mexico and the verifier, and a real server to which the U.S. and Mexico (not the verifier)
/// delegated their signing keys.
/// </summary>
public sealed partial class DemoDashboard : IAsyncLifetime
{
    public static readonly IndicatorId Seizures = new("sw-border-fentanyl-seizures");
    public const string FentanylCommitment = "halt-fentanyl-trafficking";
    public const string FentanylCommitmentText = "halt the trafficking of fentanyl and other illicit drugs, and stop arms trafficking";
    public static readonly byte[] EvidencePdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% OutcomeLedger test evidence\n%%EOF\n");

    WebApplication? _app;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "outcomes-dashboard-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public string UsToken { get; private set; } = "";

    public string MxToken { get; private set; } = "";

    public string VerifierToken { get; private set; } = "";

    public string EvidenceSha256 { get; private set; } = "";

    /// <summary>The U.S. measurement carrying the evidence: the U.S. cannot attest it, Mexico can.</summary>
    public ulong UsMeasurement { get; private set; }

    public ServedLedger Ledger => _app!.Services.GetRequiredService<ServedLedger>();

    /// <summary>The server's services, to render a dashboard component on its own.</summary>
    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Folder)!);
        var exit = OutcomeLedger.Cli.Program.Main(["demo", "--out", Folder]);
        Assert.Equal(0, exit);

        await using (var ledger = await LedgerFolder.OpenAsync(Folder, CancellationToken.None))
        {
            using var stream = new MemoryStream(EvidencePdf);
            EvidenceSha256 = await ledger.Blobs.PutAsync(stream, CancellationToken.None);
            using var us = KeyFile.ReadSigningKey(Path.Combine(Folder, "keys", "us.key"));
            using var sequencer = await ledger.OpenSequencerAsync(CancellationToken.None);
            var measurement = new MeasurementRecord
            {
                Author = new PartyId("us"),
                RecordedAt = ledger.Session.Now(),
                Indicator = Seizures,
                Period = Period.Parse("2026-04"),
                Value = 512.25m,
                Source = new MeasurementSource("CBP nationwide drug seizures", "https://www.cbp.gov/newsroom/stats/drug-seizure-statistics", "april.pdf", EvidenceSha256),
                Evidence = [EvidenceSha256],
            };
            var result = (await sequencer.SubmitAsync([EntryCodec.Sign(measurement, us)], CancellationToken.None))[0];
            Assert.True(result.IsLogged, string.Join("; ", result.Errors));
            UsMeasurement = result.Index!.Value;

            // A value mx disputes and us then "corrects" with the same figure: the dispute carries over (issue 12, Why 1).
            using var mx = KeyFile.ReadSigningKey(Path.Combine(Folder, "keys", "mx.key"));
            var disputed = measurement with { Period = Period.Parse("2026-09"), Value = 430m, Source = new MeasurementSource("CBP nationwide drug seizures"), Evidence = [] };
            var logged = await LogAsync(sequencer, disputed, us);
            Dispute = await LogAsync(sequencer, new AttestationRecord
            {
                Author = new PartyId("mx"),
                RecordedAt = disputed.RecordedAt,
                Measurement = logged,
                Verdict = Verdict.Disputed,
                Figure = 390m,
                Reason = "our count of the same month",
            }, mx);
            DisputedCorrection = await LogAsync(sequencer, disputed with { Supersedes = logged, Note = "the same figure again" }, us);
        }

        var tokens = new AccessTokens(TokenFile.InFolder(Folder));
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        UsToken = (await tokens.CreateAsync(new PartyId("us"), AccessRole.Party, at, CancellationToken.None)).Token;
        MxToken = (await tokens.CreateAsync(new PartyId("mx"), AccessRole.Party, at, CancellationToken.None)).Token;
        VerifierToken = (await tokens.CreateAsync(new PartyId("verifier"), AccessRole.Verifier, at, CancellationToken.None)).Token;

        _app = await LedgerServer.BuildAsync(new LedgerServerOptions
        {
            Ledger = Folder,
            Urls = ["http://127.0.0.1:0"],
            DelegatedKeys = new Dictionary<string, string>
            {
                ["us"] = Path.Combine(Folder, "keys", "us.key"),
                ["mx"] = Path.Combine(Folder, "keys", "mx.key"),
            },
        }, CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>mx's dispute of us's 2026-09 value, which us then corrected with the same figure.</summary>
    public ulong Dispute { get; private set; }

    /// <summary>us's correction of its disputed 2026-09 value: it inherits the dispute.</summary>
    public ulong DisputedCorrection { get; private set; }

    static async Task<ulong> LogAsync(OutcomeLedger.Core.Sequencing.Sequencer sequencer, LedgerRecord record, SigningKey key)
    {
        var result = (await sequencer.SubmitAsync([EntryCodec.Sign(record, key)], CancellationToken.None))[0];
        Assert.True(result.IsLogged, string.Join("; ", result.Errors));
        return result.Index!.Value;
    }

    /// <summary>A client with its own cookie jar (the language and the session are cookies).</summary>
    public HttpClient NewClient() => DashboardClient.New(BaseAddress);

    /// <summary>The anti-forgery field of a page's forms.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        Assert.True(match.Success, "the page has no anti-forgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Signs in through the form; returns the client's session.</summary>
    public Task<HttpClient> SignedInAsync(string token) => DashboardClient.SignedInAsync(BaseAddress, token, CancellationToken.None);

    /// <summary>Posts a form of the submit page with its anti-forgery token.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/submit");
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(path, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
