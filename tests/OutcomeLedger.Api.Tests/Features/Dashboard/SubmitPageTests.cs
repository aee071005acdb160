using System.Net;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// Sign-in and the forms over HTTP: records are signed with the party's delegated key and pass the same access checks
/// as the API; refusals are plain messages; the token never appears in a page.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class SubmitPageTests(DemoDashboard demo)
{
    [Fact]
    public async Task SignIn_WrongToken_UnauthorizedPageWithoutTheToken()
    {
        using var client = demo.NewClient();
        var page = await client.GetStringAsync("/submit?lang=en", TestContext.Current.CancellationToken);
        const string wrong = "olt_deadbeef_notatokenofthisledgeratall";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DemoDashboard.AntiforgeryToken(page), ["token"] = wrong });
        using var response = await client.PostAsync("/sign-in", form, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign-in failed: the bearer token is not known to this ledger", html, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Refused()
    {
        using var client = demo.NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = demo.UsToken });
        using var response = await client.PostAsync("/sign-in?lang=en", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not come from this site", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ol_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_PartyToken_SessionCookieHttpOnlyStrictAndNeverTheToken()
    {
        using var client = demo.NewClient();
        var page = await client.GetStringAsync("/submit", TestContext.Current.CancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DemoDashboard.AntiforgeryToken(page), ["token"] = demo.UsToken });
        using var response = await client.PostAsync("/sign-in", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ol_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(demo.UsToken, cookie, StringComparison.Ordinal);
        var signedIn = await client.GetStringAsync("/submit?lang=en", TestContext.Current.CancellationToken);
        Assert.Contains("Signed in as us", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.UsToken, signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measurement_SignedInParty_LoggedAndSignedWithTheDelegatedKey()
    {
        using var client = await demo.SignedInAsync(demo.UsToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/measurement?lang=en", new()
        {
            ["indicator"] = DemoDashboard.Seizures.Value,
            ["period"] = "2026-05",
            ["value"] = "640.5",
            ["dataset"] = "CBP nationwide drug seizures",
            ["sourceUrl"] = "https://www.cbp.gov/newsroom/stats/drug-seizure-statistics",
            ["provisional"] = "on",
        });

        Assert.True(status == HttpStatusCode.OK, html);
        var index = ulong.Parse(System.Text.RegularExpressions.Regex.Match(html, "Logged as entry (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var api = demo.NewClient();
        var entry = await api.GetByteArrayAsync($"/api/v1/entries/{index}", TestContext.Current.CancellationToken);
        Assert.True(EntryCodec.TryOpen(entry, out var envelope, out var record, out var error), error);
        var measurement = Assert.IsType<MeasurementRecord>(record);
        Assert.Equal(new PartyId("us"), measurement.Author);
        Assert.Equal(640.5m, measurement.Value);
        Assert.True(measurement.Provisional);
        using var usKey = OutcomeLedger.Storage.KeyFile.ReadSigningKey(Path.Combine(demo.Folder, "keys", "us.key"));
        Assert.Equal(usKey.KeyId, envelope!.Signatures.Single().KeyId);
    }

    [Fact]
    public async Task CommitmentPage_KeptPerCheckpoint_SameBytesAndRenewedAfterALoggedMeasurement()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var reader = demo.NewClient();
        var path = $"/commitments/{DemoDashboard.FentanylCommitment}?lang=en";
        var first = await reader.GetStringAsync(path, cancel);
        using var secondResponse = await reader.GetAsync(path, cancel);
        var second = await secondResponse.Content.ReadAsStringAsync(cancel);
        // Nothing inline, so nothing differs per response: the kept page is served as it was rendered, with its headers.
        Assert.Equal(first, second);
        Assert.Equal(OutcomeLedger.Api.Features.Dashboard.DashboardRequest.ContentSecurityPolicy, secondResponse.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(second), secondResponse.Content.Headers.ContentLength);
        Assert.Equal("text/html", secondResponse.Content.Headers.ContentType?.MediaType);
        var before = CheckpointSize(first);

        using var client = await demo.SignedInAsync(demo.UsToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/measurement?lang=en", new()
        {
            ["indicator"] = DemoDashboard.Seizures.Value,
            ["period"] = "2026-08",
            ["value"] = "512",
            ["dataset"] = "CBP nationwide drug seizures",
            ["sourceUrl"] = "https://www.cbp.gov/newsroom/stats/drug-seizure-statistics",
        });
        Assert.True(status == HttpStatusCode.OK, html);

        var after = await reader.GetStringAsync(path, cancel);
        Assert.True(CheckpointSize(after) > before, $"the page still shows the checkpoint of {before} entries");
    }

    static ulong CheckpointSize(string html) => ulong.Parse(
        System.Text.RegularExpressions.Regex.Match(html, "checkpoint of (\\d+) entries").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Attestation_OwnMeasurement_RefusedWithThePlainReason()
    {
        using var client = await demo.SignedInAsync(demo.UsToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/attestation?lang=en", new()
        {
            ["measurement"] = demo.UsMeasurement.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["verdict"] = "Acknowledged",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("role=\"alert\">Refused: author: party &#x27;us&#x27; reported entry " + demo.UsMeasurement + " and cannot attest to its own measurement", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attestation_Counterparty_Logged()
    {
        using var client = await demo.SignedInAsync(demo.MxToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/attestation?lang=en", new()
        {
            ["measurement"] = demo.UsMeasurement.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["verdict"] = "Disputed",
            ["figure"] = "498",
            ["reason"] = "Mexico's count of the same crossings",
        });

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains("Logged as entry", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attestation_PartyWithoutDelegatedKey_ForbiddenAndSaysHowToSign()
    {
        using var client = await demo.SignedInAsync(demo.VerifierToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/attestation?lang=en", new()
        {
            ["measurement"] = demo.UsMeasurement.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["verdict"] = "Verified",
        });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Party &#x27;verifier&#x27; has not delegated a signing key to this server", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measurement_VerifierRole_ForbiddenLikeTheApi()
    {
        // The verifier's page offers no measurement form; a forged post gets the API's own refusal.
        using var client = await demo.SignedInAsync(demo.VerifierToken);
        var page = await client.GetStringAsync("/submit?lang=en", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("measurement-form", page, StringComparison.Ordinal);
        var (status, _) = await DemoDashboard.PostFormAsync(client, "/submit/measurement?lang=en", new()
        {
            ["indicator"] = DemoDashboard.Seizures.Value,
            ["period"] = "2026-06",
            ["value"] = "1",
            ["dataset"] = "x",
        });

        // No key delegated for the verifier: refused before signing, and never logged.
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Statement_BadFields_EachNamedInThePageLanguage()
    {
        using var client = await demo.SignedInAsync(demo.MxToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/statement?lang=es", new()
        {
            ["id"] = "comunicado-prueba",
            ["date"] = "15/03/2026",
            ["title"] = "",
            ["statementKind"] = "PressRelease",
            ["sourceUrl"] = "https://www.gob.mx/example",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("&#x27;Fecha&#x27; no es una fecha (AAAA-MM-DD).", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;Título&#x27; es obligatorio.", html, StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Contains("value=\"comunicado-prueba\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_SignedInParty_Logged()
    {
        using var client = await demo.SignedInAsync(demo.MxToken);
        var (status, html) = await DemoDashboard.PostFormAsync(client, "/submit/statement?lang=en", new()
        {
            ["id"] = "mx-press-release-test",
            ["date"] = "2026-03-15",
            ["title"] = "Gabinete de Seguridad report",
            ["speaker"] = "Secretaría de Seguridad",
            ["statementKind"] = "PressRelease",
            ["sourceUrl"] = "https://www.gob.mx/example",
            ["quote"] = "Se desmantelaron laboratorios",
            ["quoteLang"] = "es",
        });

        Assert.True(status == HttpStatusCode.OK, html);
        using var api = demo.NewClient();
        var statement = JsonDocument.Parse(await api.GetStringAsync("/api/v1/statements/mx-press-release-test", TestContext.Current.CancellationToken));
        Assert.Contains("Gabinete de Seguridad report", statement.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await demo.SignedInAsync(demo.MxToken);
        var page = await client.GetStringAsync("/submit?lang=en", TestContext.Current.CancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DemoDashboard.AntiforgeryToken(page) });
        using var response = await client.PostAsync("/sign-out", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var after = await client.GetStringAsync("/submit?lang=en", TestContext.Current.CancellationToken);
        Assert.Contains("<input id=\"token\" name=\"token\" type=\"password\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", after, StringComparison.Ordinal);
    }
}
