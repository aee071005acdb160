using System.Net;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>A person's browser on the dashboard, as plain HTTP: its own cookie jar, no redirect followed.</summary>
internal static class DashboardClient
{
    /// <summary>A client with its own cookie jar (the language and the session are cookies).</summary>
    public static HttpClient New(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    /// <summary>Signs in with <paramref name="token"/> through the submit page's form (with its anti-forgery field); returns the signed-in client.</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string token, CancellationToken cancellationToken)
    {
        var client = New(baseAddress);
        try
        {
            var page = await client.GetStringAsync("/submit", cancellationToken);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DemoDashboard.AntiforgeryToken(page), ["token"] = token });
            using var response = await client.PostAsync("/sign-in", form, cancellationToken);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
