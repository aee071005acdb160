using System.Net;

namespace OutcomeLedger.Api.Tests.Access;

/// <summary>A ledger served without <c>Private</c>: every read route group answers without a token.</summary>
public sealed class PublicReadsTests(TestServer server) : IClassFixture<TestServer>
{
    [Theory]
    [MemberData(nameof(PrivateReadsTests.Reads), MemberType = typeof(PrivateReadsTests))]
    public async Task Read_PublicWithoutToken_Served(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} gave {response.StatusCode}");
    }
}
