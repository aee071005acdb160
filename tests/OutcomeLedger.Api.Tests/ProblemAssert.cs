using System.Net;
using System.Text.Json;

namespace OutcomeLedger.Api.Tests;

/// <summary>Checks that a response is an RFC 9457 problem with the expected status, and returns its JSON.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.True(json.TryGetProperty("type", out _));
        return json;
    }

    /// <summary>The fields named in the problem's <c>errors</c> member.</summary>
    public static IReadOnlyList<string> Fields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()!)] : [];
}
