using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Tests.Commands.Token;

public sealed class TokenCommandTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "outcomes-token-tests", Guid.NewGuid().ToString("N"));

    public TokenCommandTests()
    {
        var init = CliRun.Invoke("init", _folder, "--origin", "token-tests.example/log");
        Assert.True(init.ExitCode == 0, init.ToString());
        using var us = SigningKey.Generate();
        var add = CliRun.Invoke("party", "add", "us", "--name", "United States", "--role", "party", "--public-key", Convert.ToBase64String(us.PublicKey), "--ledger", _folder);
        Assert.True(add.ExitCode == 0, add.ToString());
    }

    [Fact]
    public async Task Create_ForARegisteredParty_PrintsTheTokenOnceAndStoresOnlyItsHash()
    {
        var run = CliRun.Invoke("token", "create", "--party", "us", "--role", "party", "--ledger", _folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        var token = run.Output.Trim();
        Assert.StartsWith(AccessTokens.Prefix, token, StringComparison.Ordinal);
        var stored = File.ReadAllText(Path.Combine(_folder, TokenFile.FileName));
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.Contains(AccessTokens.HashOf(token), stored, StringComparison.Ordinal);
        Assert.NotNull((await new AccessTokens(TokenFile.InFolder(_folder)).FindAsync(token, TestContext.Current.CancellationToken)).Token);

        var list = CliRun.Invoke("token", "list", "--ledger", _folder);
        Assert.DoesNotContain(token, list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessTokens.HashOf(token), list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ACreatedToken_TheTokenNoLongerAuthenticates()
    {
        var create = CliRun.Invoke("token", "create", "--party", "us", "--json", "--ledger", _folder);
        var tokens = new AccessTokens(TokenFile.InFolder(_folder));
        var stored = Assert.Single(await tokens.ListAsync(TestContext.Current.CancellationToken));
        var token = System.Text.Json.JsonDocument.Parse(create.Output).RootElement.GetProperty("token").GetString()!;

        var revoke = CliRun.Invoke("token", "revoke", stored.Id, "--ledger", _folder);

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        var (found, failure) = await tokens.FindAsync(token, TestContext.Current.CancellationToken);
        Assert.Null(found);
        Assert.Contains("revoked", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody", "party")]
    [InlineData("us", "admin")]
    [InlineData("operator", "party")]
    public void Create_UnknownPartyOrRoleThatDoesNotFit_UsageError(string party, string role)
    {
        var run = CliRun.Invoke("token", "create", "--party", party, "--role", role, "--ledger", _folder);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, TokenFile.FileName)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
