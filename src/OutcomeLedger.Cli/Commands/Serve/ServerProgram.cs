using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OutcomeLedger.Cli.Commands.Serve;

/// <summary>
/// The Native AOT <c>outcomes</c> leaves the server out (ASP.NET Core's Razor pages need the JIT): its <c>serve</c> hands
/// the whole command line to <c>outcomes-server</c>, the same program compiled with the server in, published beside it.
/// On Unix the hand-over is <c>execv</c>: the server takes the process over, so its id, signals (Ctrl+C, SIGTERM from a
/// service manager) and exit code are the command's own.
/// </summary>
internal static partial class ServerProgram
{
    public const string Name = "outcomes-server";

    /// <summary>Where the server program is: <c>server/outcomes-server</c> beside this program, else beside it.</summary>
    public static string Locate(string programFolder)
    {
        var file = OperatingSystem.IsWindows() ? Name + ".exe" : Name;
        string[] candidates = [Path.Combine(programFolder, "server", file), Path.Combine(programFolder, file)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw CliError.Environment($"'serve' runs {file}, which is not installed beside this program: looked for {string.Join(" and ", candidates)} (publish with the AOT profile, docs/deploy/install.md)");
    }

    /// <summary>Runs the server with these arguments; returns its exit code (on Unix, returns only if it cannot start).</summary>
    public static async Task<int> RunAsync(string server, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            Exec(server, arguments);
        }

        var start = new ProcessStartInfo(server) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw CliError.Environment($"could not start {server}");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    static void Exec(string server, IReadOnlyList<string> arguments)
    {
        // argv: the program's path, the arguments, then a null pointer (execv(3)).
        var argv = new IntPtr[arguments.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(server);
            for (var i = 0; i < arguments.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            Console.Out.Flush();
            Console.Error.Flush();
            _ = ExecV(server, argv);
            throw CliError.Environment($"could not start {server}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ExecV(string path, IntPtr[] argv);
}
