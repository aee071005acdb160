using System.Net;
using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// Text written into the log by a party is data, never markup: a party name, a statement, a commitment and an indicator
/// carrying a script, an attribute break-out and a title break-out appear escaped by the one HTML encoder in the
/// scorecard's HTML and in every dashboard page that shows them, while Spanish letters stay as they are.
/// </summary>
public sealed class HostileTextTests(TestServer server) : IClassFixture<TestServer>, IAsyncLifetime
{
    const string Hostile = "<script>alert(1)</script>\"onmouseover=alert(2) x=\"</title>";
    static readonly PartyId Party = new("hostile");
    static readonly AgreementId Agreement = new("hostile-agreement");
    static readonly StatementId Statement = new("hostile-statement");
    static readonly CommitmentId Commitment = new("hostile-commitment");
    static readonly IndicatorId Indicator = new("hostile-indicator");

    public async ValueTask InitializeAsync()
    {
        if (await LoggedAsync())
        {
            return;
        }

        var at = TestServer.At;
        using (var key = SigningKey.FromSeed(Enumerable.Repeat((byte)9, 32).ToArray()))
        {
            await PostAsync(TestServer.Party(Party, "¿México? " + Hostile, PartyRole.Party, key), TestServer.OperatorId, AccessRole.Admin);
        }

        await PostAsync(new AgreementRecord { Author = TestServer.OperatorId, RecordedAt = at, Id = Agreement, Title = "Acuerdo " + Hostile, Parties = [TestServer.UsId, Party] }, TestServer.OperatorId, AccessRole.Admin);
        await PostAsync(new StatementRecord
        {
            Author = TestServer.UsId,
            RecordedAt = at,
            Id = Statement,
            Date = new DateOnly(2026, 1, 20),
            Title = "Declaración añadida " + Hostile,
            Speaker = "Speaker " + Hostile,
            Parties = [TestServer.UsId, Party],
            StatementKind = StatementKind.Speech,
            SourceUrl = "https://www.state.gov/example-2",
            Quotes = [new Quote("Quote " + Hostile, "en")],
        }, TestServer.UsId, AccessRole.Party);
        await PostAsync(new CommitmentRecord
        {
            Author = TestServer.UsId,
            RecordedAt = at,
            Id = Commitment,
            Agreement = Agreement,
            Text = "Commitment " + Hostile,
            Statements = [Statement],
            ResponsibleParties = [TestServer.UsId],
            MadeOn = new DateOnly(2026, 1, 20),
        }, TestServer.UsId, AccessRole.Party);
        await PostAsync(new IndicatorRecord
        {
            Author = TestServer.UsId,
            RecordedAt = at,
            Id = Indicator,
            Commitment = Commitment,
            Name = "Indicator " + Hostile,
            Unit = "<i>lb</i>",
            MeasureType = MeasureType.Amount,
            Direction = Direction.Down,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = TestServer.UsId,
            DataSource = "Source " + Hostile,
        }, TestServer.UsId, AccessRole.Party);
        await PostAsync(TestServer.Measurement("2026-01", 10m) with { Indicator = Indicator }, TestServer.UsId, AccessRole.Party);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    async Task<bool> LoggedAsync()
    {
        using var response = await server.Client.GetAsync("/api/v1/indicators/" + Indicator.Value, TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode;
    }

    async Task PostAsync(LedgerRecord record, PartyId author, AccessRole role)
    {
        using var response = await server.PostAsync("/api/v1/entries", EntryCodec.Sign(record, server.KeyOf(author)), server.Tokens[role]);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static TheoryData<string> Pages => new()
    {
        "/?lang=en",
        "/?lang=es",
        "/commitments/hostile-commitment?lang=en",
        "/commitments/hostile-commitment?lang=es",
        "/indicators/hostile-indicator?lang=en",
        "/api/v1/scorecard?agreement=hostile-agreement&format=html&lang=en",
        "/api/v1/scorecard?agreement=hostile-agreement&format=html&lang=es",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HostileTextFromTheLog_EscapedNeverMarkup(string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        AssertEscaped(html);
    }

    [Fact]
    public async Task Page_SpanishLetters_StayUtf8()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var dashboard = await client.GetStringAsync("/?lang=es", TestContext.Current.CancellationToken);
        var scorecard = await client.GetStringAsync("/api/v1/scorecard?agreement=hostile-agreement&format=html&lang=es", TestContext.Current.CancellationToken);

        foreach (var html in new[] { dashboard, scorecard })
        {
            Assert.Contains("¿México? &lt;script&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("&#xE9;", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("&#233;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submit_SignedInReporter_IndicatorNamesEscapedInTheForm()
    {
        using var client = await DashboardClient.SignedInAsync(server.BaseAddress, server.Tokens[AccessRole.Party], TestContext.Current.CancellationToken);

        var html = await client.GetStringAsync("/submit?lang=en", TestContext.Current.CancellationToken);

        Assert.Contains("<option value=\"hostile-indicator\">", html, StringComparison.Ordinal);
        AssertEscaped(html);
    }

    [Theory]
    [InlineData("/commitments/")]
    [InlineData("/indicators/")]
    public async Task NotFound_HostileIdInTheAddress_EscapedInTheMessage(string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync(path + Uri.EscapeDataString("<script>alert(1)\"onmouseover=x") + "?lang=en", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&quot;onmouseover=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoder_TheServersHtmlEncoder_IsCoresOne()
    {
        // The one the Razor renderer escapes the pages with.
        Assert.Same(HtmlEncoding.Encoder, server.Services.GetRequiredService<HtmlEncoder>());
    }

    [Fact]
    public void Encode_HtmlSyntax_EscapedAndLettersKept()
    {
        Assert.Equal("&lt;a title=&quot;x&quot;&gt;&amp;&#x27;", HtmlEncoding.Encode("<a title=\"x\">&'"));
        Assert.Equal("¿Qué año? Niño — “sí” · 12,5 %", HtmlEncoding.Encode("¿Qué año? Niño — “sí” · 12,5 %"));
        Assert.Equal("", HtmlEncoding.Encode(null));
    }

    static void AssertEscaped(string html)
    {
        Assert.Contains(HtmlEncoding.Encode(Hostile), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("x=\"</title>", html, StringComparison.Ordinal);
    }
}
