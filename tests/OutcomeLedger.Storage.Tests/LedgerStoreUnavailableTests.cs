using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage.Tests;

/// <summary>A database that cannot be reached is one Core exception, whatever the engine, and never repeats a password.</summary>
public sealed class LedgerStoreUnavailableTests
{
    [Fact]
    public async Task Open_PostgresNobodyListens_UnavailableWithoutThePassword()
    {
        const string Password = "pw-that-must-not-leak";
        // Port 1 on loopback: refused at once, no server needed.
        var connectionString = $"Host=127.0.0.1;Port=1;Username=outcomes;Password={Password};Database=ledger;Timeout=3";

        var error = await Assert.ThrowsAsync<LedgerStoreUnavailableException>(() => LedgerFolder.OpenAsync(connectionString, TestContext.Current.CancellationToken));

        Assert.StartsWith("the PostgreSQL database is unavailable: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_MessageRepeatingThePassword_PasswordBlankedOut()
    {
        var message = OutcomeLedger.Storage.Postgres.PostgresErrors.Redact("failed for secret-pw at host", "Host=h;Username=u;Password=secret-pw");

        Assert.Equal("failed for *** at host", message);
    }
}
