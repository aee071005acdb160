using Spectre.Console.Rendering;

namespace OutcomeLedger.Cli;

/// <summary>
/// Writes a table to the command's console. Output that is not a terminal (a file, a pipe, a test) has no width of
/// its own and Spectre assumes 80 columns, which wraps hashes and exact figures mid-number; such output gets 200.
/// </summary>
internal static class TableOutput
{
    const int RedirectedWidth = 200;

    public static void Write(CommandContext context, IRenderable table)
    {
        ArgumentNullException.ThrowIfNull(context);
        var terminal = ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal && context.Console.Profile.Width < RedirectedWidth)
        {
            context.Console.Profile.Width = RedirectedWidth;
        }

        context.Console.Write(table);
    }
}
