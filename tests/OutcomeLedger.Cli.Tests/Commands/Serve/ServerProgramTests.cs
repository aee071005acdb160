using OutcomeLedger.Cli.Commands.Serve;
using OutcomeLedger.Cli.Commands.Witness;
using OutcomeLedger.Host;

namespace OutcomeLedger.Cli.Tests.Commands.Serve;

/// <summary>
/// The Native AOT program's <c>serve</c> hands over to <c>outcomes-server</c>: it finds it beside itself or says where it
/// looked. (The hand-over itself replaces the process, so the AOT publish check runs it, not these tests.)
/// </summary>
public sealed class ServerProgramTests : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static string FileName => OperatingSystem.IsWindows() ? ServerProgram.Name + ".exe" : ServerProgram.Name;

    [Fact]
    public void Locate_NotInstalled_EnvironmentErrorNamingWhereItLooked()
    {
        var error = Assert.Throws<CliError>(() => ServerProgram.Locate(_temp.Path));

        Assert.Equal(ExitCodes.Environment, error.ExitCode);
        Assert.Contains(Path.Combine(_temp.Path, "server", FileName), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_temp.Path, FileName), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_InServerFolderAndBeside_ServerFolderWins()
    {
        Directory.CreateDirectory(_temp["server"]);
        File.WriteAllText(_temp[FileName], "");
        File.WriteAllText(Path.Combine(_temp["server"], FileName), "");

        Assert.Equal(Path.Combine(_temp.Path, "server", FileName), ServerProgram.Locate(_temp.Path));
    }

    [Fact]
    public void Locate_OnlyBeside_Found()
    {
        File.WriteAllText(_temp[FileName], "");

        Assert.Equal(_temp[FileName], ServerProgram.Locate(_temp.Path));
    }

    // The AOT program shows the default address in its help without the server's types: the two must agree.
    [Fact]
    public void DefaultUrl_IsTheServersDefault() => Assert.Equal(ServeOptions.DefaultUrl, ServeCommand.DefaultUrl);

    [Fact]
    public void WitnessDefaultUrl_IsTheWitnessServersDefault() => Assert.Equal(WitnessServeOptions.DefaultUrl, WitnessServeCommand.DefaultUrl);
}
