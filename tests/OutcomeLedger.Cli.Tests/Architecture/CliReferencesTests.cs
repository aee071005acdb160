namespace OutcomeLedger.Cli.Tests.Architecture;

/// <summary>
/// The Cli is an adapter over Core and Storage: it serves through the Host's one entry, never the Api's types, and
/// meets no storage engine except through Storage.
/// </summary>
public sealed class CliReferencesTests
{
    static readonly string[] Referenced = [.. typeof(ExitCodes).Assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Theory]
    [InlineData("OutcomeLedger.Api")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("SQLitePCLRaw.core")]
    public void Cli_DoesNotReference(string assembly) => Assert.DoesNotContain(assembly, Referenced);

    [Fact]
    public void Cli_ServesThroughTheHost() => Assert.Contains("OutcomeLedger.Host", Referenced);
}
