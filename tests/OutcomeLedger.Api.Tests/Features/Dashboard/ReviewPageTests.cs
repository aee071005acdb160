using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api.Tests.Features.Attestations;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// <c>/review</c>: the signed-in party's review queue (issue 13, Deliver 1), the same as <c>GET /api/v1/review/{party}</c>,
/// and its bulk acknowledgement or dispute of a group or the ticked rows: signed with the party's delegated key, never as
/// another party, all or nothing, behind the anti-forgery check.
/// </summary>
public sealed partial class ReviewPageTests() : ThreeMonthsOfValues(new TestServer { DelegateUsKey = true, DelegateMxKey = true })
{
    HttpClient NewClient() => DashboardClient.New(Server.BaseAddress);

    Task<HttpClient> SignedInAsync(string token) => DashboardClient.SignedInAsync(Server.BaseAddress, token, Cancel);

    /// <summary>Posts the review form's fields (a box ticked is an "m" field), with the page's anti-forgery token unless told not to.</summary>
    static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, bool antiforgery = true)
    {
        var all = fields.ToList();
        if (antiforgery)
        {
            var page = await client.GetStringAsync("/review", Cancel);
            all.Add(new("__RequestVerificationToken", DemoDashboard.AntiforgeryToken(page)));
        }

        using var form = new FormUrlEncodedContent(all);
        using var response = await client.PostAsync(path, form, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    async Task<int> QueueCountAsync(string party) =>
        (await Server.Client.GetFromJsonAsync<JsonElement>($"api/v1/review/{party}", Cancel)).GetProperty("count").GetInt32();

    [Fact]
    public async Task Get_SignedInCounterparty_ListsTheGroupWithFiguresSourceAndEffect()
    {
        using var mx = await SignedInAsync(Server.MxToken);
        var html = WebUtility.HtmlDecode(await mx.GetStringAsync("/review?lang=en", Cancel));

        var english = TextCatalogue.English;
        Assert.Contains("<a href=\"/review\" aria-current=\"page\">Review</a>", html, StringComparison.Ordinal);
        Assert.Contains("Awaiting mx's attestation at checkpoint", html, StringComparison.Ordinal);
        Assert.Contains("sw-border-fentanyl-seizures (Fentanyl seized at the southwest border), reported by us", html, StringComparison.Ordinal);
        Assert.Contains("on reduce-fentanyl-flow", html, StringComparison.Ordinal);
        Assert.Contains("812.5 lb", html, StringComparison.Ordinal);
        Assert.Contains("CBP nationwide drug seizures", html, StringComparison.Ordinal);
        foreach (var value in Values)
        {
            Assert.Contains($"name=\"m\" value=\"{value}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains(TextCatalogue.Fill(english.ReviewApplyGroup, ("values", english.ValuesCount.Of(3))), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Spanish_HasNoEnglish()
    {
        using var mx = await SignedInAsync(Server.MxToken);
        var html = await mx.GetStringAsync("/review?lang=es", Cancel);

        Assert.StartsWith("<!doctype html><html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.Spanish.ReviewApplyTicked, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var data = await Server.Services.GetRequiredService<ServedLedger>().ReadAsync(state => EnglishLeaks.Data(state).ToList(), Cancel);
        var found = EnglishLeaks.InHtml(html, data);
        Assert.True(found.Count == 0, string.Join("; ", found));
    }

    [Fact]
    public async Task Get_SignedOut_AsksToSignInAndHasNoForm()
    {
        using var client = NewClient();
        var html = await client.GetStringAsync("/review?lang=en", Cancel);

        Assert.Contains(TextCatalogue.English.ReviewSignIn, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/review\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/review\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WholeGroup_AcknowledgedByMxWithItsDelegatedKeyAndTheQueueEmpties()
    {
        using var mx = await SignedInAsync(Server.MxToken);
        Assert.Equal(3, await QueueCountAsync("mx"));

        // A field naming another author is no field of the form: the author is the signed-in party.
        var (status, html) = await PostAsync(mx, "/review?lang=en", [F("scope", "group"), F("indicator", "sw-border-fentanyl-seizures"), F("from", "2026-01"), F("to", "2026-03"), F("verdict", "Acknowledged"), F("author", "us"), F("as", "us")]);

        Assert.True(status == HttpStatusCode.OK, html);
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("Logged 3 values as acknowledged", decoded, StringComparison.Ordinal);
        Assert.Contains("Nothing awaits mx's attestation", decoded, StringComparison.Ordinal);
        Assert.Equal(0, await QueueCountAsync("mx"));
        var attestations = await Server.Client.GetFromJsonAsync<JsonElement>("api/v1/attestations?author=mx", Cancel);
        var items = attestations.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(Values.Order(), items.Select(i => i.GetProperty("record").GetProperty("measurement").GetUInt64()).Order());
        foreach (var item in items)
        {
            var entry = await Server.Client.GetByteArrayAsync($"api/v1/entries/{item.GetProperty("index").GetUInt64()}", Cancel);
            Assert.True(EntryCodec.TryOpen(entry, out var envelope, out _, out var error), error);
            Assert.Equal(Server.Mx.KeyId, envelope!.Signatures.Single().KeyId);
        }

        Assert.Empty((await Server.Client.GetFromJsonAsync<JsonElement>("api/v1/attestations?author=us", Cancel)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Post_TickedRows_DisputedWithFigureAndReason_OnlyThoseLeaveTheQueue()
    {
        using var mx = await SignedInAsync(Server.MxToken);

        var (status, html) = await PostAsync(mx, "/review?lang=en", [F("scope", "ticked"), F("m", Text(Values[1])), F("m", Text(Values[2])), F("verdict", "Disputed"), F("figure", "640.5"), F("reason", "our count of the same crossings")]);

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains("Logged 2 values as disputed", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(1, await QueueCountAsync("mx"));
        Assert.Contains($"name=\"m\" value=\"{Values[0]}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"m\" value=\"{Values[1]}\"", html, StringComparison.Ordinal);
        var disputes = (await Server.Client.GetFromJsonAsync<JsonElement>("api/v1/attestations?author=mx&verdict=disputed", Cancel)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, disputes.Count);
        Assert.All(disputes, d => Assert.Equal("640.5", d.GetProperty("record").GetProperty("figure").GetString()));
        Assert.All(disputes, d => Assert.Equal("our count of the same crossings", d.GetProperty("record").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Post_OneTickedValueRefused_NothingLogged()
    {
        using var mx = await SignedInAsync(Server.MxToken);
        var before = await Server.Client.GetStringAsync("checkpoint", Cancel);

        // Two good values and the indicator's entry, which is not a value: all or nothing.
        var (status, html) = await PostAsync(mx, "/review?lang=en", [F("scope", "ticked"), F("m", Text(Values[0])), F("m", Text(Values[1])), F("m", Text(Server.SeizuresIndicator)), F("verdict", "Acknowledged")]);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"entry {Server.SeizuresIndicator} is not a measurement; nothing was attested", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await Server.Client.GetStringAsync("checkpoint", Cancel));
        Assert.Equal(3, await QueueCountAsync("mx"));
    }

    [Fact]
    public async Task Post_ReporterTicksItsOwnValues_RefusedAndNothingLogged()
    {
        using var us = await SignedInAsync(Server.Tokens[AccessRole.Party]);
        var before = await Server.Client.GetStringAsync("checkpoint", Cancel);

        var (status, html) = await PostAsync(us, "/review?lang=en", [F("scope", "ticked"), F("m", Text(Values[0])), F("verdict", "Acknowledged")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("cannot attest to its own values", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await Server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Theory]
    [InlineData("ticked", "Acknowledged", "", "Tick at least one value")]
    [InlineData("group", "Disputed", "", "A dispute states your figure")]
    [InlineData("group", "Withdrawn", "", "'Verdict' is required")]
    [InlineData("group", "Disputed", "a lot", "'Your figure' is not a number")]
    public async Task Post_BadForm_SaysWhichFieldAndLogsNothing(string scope, string verdict, string figure, string expected)
    {
        using var mx = await SignedInAsync(Server.MxToken);
        var before = await Server.Client.GetStringAsync("checkpoint", Cancel);

        var (status, html) = await PostAsync(mx, "/review?lang=en", [F("scope", scope), F("indicator", "sw-border-fentanyl-seizures"), F("from", "2026-01"), F("to", "2026-03"), F("verdict", verdict), F("figure", figure)]);

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{status}: {html}");
        Assert.Contains(expected, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await Server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RefusedAndNothingLogged()
    {
        using var mx = await SignedInAsync(Server.MxToken);
        var before = await Server.Client.GetStringAsync("checkpoint", Cancel);

        var (status, html) = await PostAsync(mx, "/review?lang=en", [F("scope", "ticked"), F("m", Text(Values[0])), F("verdict", "Acknowledged")], antiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("did not come from this site", html, StringComparison.Ordinal);
        Assert.Equal(before, await Server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_VerifierWithoutDelegatedKey_ForbiddenAndNothingLogged()
    {
        using var verifier = await SignedInAsync(Server.Tokens[AccessRole.Verifier]);
        var before = await Server.Client.GetStringAsync("checkpoint", Cancel);

        var (status, html) = await PostAsync(verifier, "/review?lang=en", [F("scope", "ticked"), F("m", Text(Values[0])), F("verdict", "Verified")]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("has not delegated a signing key", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await Server.Client.GetStringAsync("checkpoint", Cancel));
    }
}
