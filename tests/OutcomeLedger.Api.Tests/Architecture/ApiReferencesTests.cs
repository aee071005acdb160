namespace OutcomeLedger.Api.Tests.Architecture;

/// <summary>The Api meets storage only through Core's interfaces and Storage's LedgerFolder: no engine assembly.</summary>
public sealed class ApiReferencesTests
{
    static readonly string[] Referenced = [.. typeof(LedgerServer).Assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Theory]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("SQLitePCLRaw.core")]
    public void Api_DoesNotReference(string assembly) => Assert.DoesNotContain(assembly, Referenced);
}
