using System.Net;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// Every dashboard page, asked for in Spanish, holds no English from the text catalogue (<see cref="EnglishLeaks"/>):
/// the agreements, every commitment and indicator of the demo, the log with its proof-check messages, the submit page
/// signed out and signed in as each kind of party, the not-found pages and a refused form. What the log holds (names,
/// quotes, sources, ids) is data and left out of the search.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class SpanishDashboardTests(DemoDashboard demo)
{
    [Fact]
    public async Task Pages_Anonymous_HaveNoEnglish()
    {
        var ct = TestContext.Current.CancellationToken;
        var (commitments, indicators) = await demo.Ledger.ReadAsync(
            state => (state.Commitments.Keys.Select(c => c.Value).ToList(), state.Indicators.Keys.Select(i => i.Value).ToList()), ct);
        var paths = new List<string> { "/", "/log?entry=3", "/submit", "/review", "/commitments/desconocido", "/indicators/desconocido", "/search?q=fentanilo", "/search?q=zzzz", "/search?q=" + new string('x', 300), "/since", "/since?from=24", "/since?from=2000-01-01",
            "/indicators/" + DemoDashboard.Seizures.Value + "/revisions?period=2026-09", "/indicators/" + DemoDashboard.Seizures.Value + "/revisions?period=2031-01",
            "/indicators/" + DemoDashboard.Seizures.Value + "/revisions?period=2026-Q1" };
        paths.AddRange(commitments.Select(c => "/commitments/" + c));
        paths.AddRange(commitments.Select(c => "/commitments/" + c + "?window=full"));
        paths.AddRange(indicators.Select(i => "/indicators/" + i));
        using var client = demo.NewClient();
        await client.GetStringAsync("/?lang=es", ct);

        foreach (var path in paths)
        {
            await AssertSpanishAsync(client, path, ct);
        }
    }

    [Fact]
    public async Task Pages_SignedIn_HaveNoEnglish()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var token in new[] { demo.MxToken, demo.UsToken, demo.VerifierToken })
        {
            using var client = await demo.SignedInAsync(token);
            await client.GetStringAsync("/log?lang=es", ct);

            await AssertSpanishAsync(client, "/submit?measurement=" + demo.UsMeasurement, ct);
            await AssertSpanishAsync(client, "/indicators/" + DemoDashboard.Seizures.Value, ct);
            await AssertSpanishAsync(client, "/review", ct);
        }
    }

    [Fact]
    public async Task Forms_RefusedInSpanish_HaveNoEnglish()
    {
        using var mx = await demo.SignedInAsync(demo.MxToken);
        using var verifier = await demo.SignedInAsync(demo.VerifierToken);
        await mx.GetStringAsync("/log?lang=es", TestContext.Current.CancellationToken);
        await verifier.GetStringAsync("/log?lang=es", TestContext.Current.CancellationToken);
        var data = await DataAsync();

        // Nothing is logged: every field is wrong or missing, or the party delegated no key.
        var (status, invalid) = await DemoDashboard.PostFormAsync(mx, "/submit/measurement", new() { ["value"] = "mucho", ["period"] = "2026-13", ["dimensions"] = "sin-igual" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(TextCatalogue.Fill(TextCatalogue.Spanish.FieldNotNumber, ("field", TextCatalogue.Spanish.Value)), WebUtility.HtmlDecode(invalid), StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InHtml(invalid, data));

        var (refused, undelegated) = await DemoDashboard.PostFormAsync(verifier, "/submit/attestation", new() { ["measurement"] = "1", ["verdict"] = "Verified" });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Empty(EnglishLeaks.InHtml(undelegated, data));
    }

    [Fact]
    public async Task Log_Spanish_ProofCheckWordsComeFromTheCatalogue()
    {
        using var client = demo.NewClient();
        var html = await client.GetStringAsync("/log?lang=es", TestContext.Current.CancellationToken);

        Assert.Contains("data-messages=\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(System.Text.Json.JsonSerializer.Serialize(TextCatalogue.Spanish.ProofNotVerified)), html, StringComparison.Ordinal);
        Assert.DoesNotContain("not a tlog-proof receipt", html, StringComparison.Ordinal);
    }

    async Task AssertSpanishAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);

        Assert.StartsWith("<!doctype html><html lang=\"es\">", html, StringComparison.Ordinal);
        var found = EnglishLeaks.InHtml(html, await DataAsync());
        Assert.True(found.Count == 0, $"{path}: {string.Join("; ", found)}");
    }

    // The signed checkpoints the log page shows are data too, their log-time line's keyword included.
    async Task<List<string>> DataAsync() =>
        await demo.Ledger.ReadAsync(state => EnglishLeaks.Data(state).Append(OutcomeLedger.Core.Sequencing.LogTime.Keyword).ToList(), TestContext.Current.CancellationToken);
}
