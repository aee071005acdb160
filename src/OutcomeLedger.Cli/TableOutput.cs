using System.CommandLine;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OutcomeLedger.Cli;

/// <summary>
/// Writes a table to the command's console: drawn on a terminal, and as TSV (a header row, then a row per line, cells
/// separated by tabs) when the output is not a terminal (a file, a pipe, a test) or <c>--format tsv</c> asks for it, so
/// scripts can cut and sort it. In a TSV cell a backslash, tab, newline or carriage return is written \\, \t, \n, \r.
/// </summary>
internal static class TableOutput
{
    /// <summary><c>--format table|tsv</c>, for the commands whose output is a table.</summary>
    public static readonly Option<string> Format = CreateFormat();

    static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format")
        {
            Description = "table (drawn, on a terminal) or tsv (tab-separated, the default when the output is not a terminal)",
            HelpName = "table|tsv",
        };
        format.AcceptOnlyFromAmong("table", "tsv");
        return format;
    }

    /// <summary>Gives <paramref name="command"/> the <see cref="Format"/> option.</summary>
    public static Command WithFormat(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Format);
        return command;
    }

    /// <summary>Whether tables are written as TSV: asked for, or by default when the output is not a terminal.</summary>
    public static bool IsTsv(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Parse.GetResult(Format) is not null ? context.Parse.GetValue(Format) : null;
        return asked == "tsv" || (asked is null && !IsTerminal(context));
    }

    static bool IsTerminal(CommandContext context) => ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected;

    public static void Write(CommandContext context, IRenderable table)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(table);
        var terminal = IsTerminal(context);
        if (IsTsv(context) && Tsv(context.Console, table) is { } tsv)
        {
            context.Output.Write(tsv);
            return;
        }

        // A drawn table on output that is not a terminal (--format table) has no width of its own: give it room.
        if (!terminal && context.Console.Profile.Width < RedirectedWidth)
        {
            context.Console.Profile.Width = RedirectedWidth;
        }

        context.Console.Write(table);
    }

    const int RedirectedWidth = 200;

    /// <summary>The table as TSV (a table's header row first; a grid has none); null for what is neither.</summary>
    internal static string? Tsv(IAnsiConsole console, IRenderable renderable)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var lines = new StringBuilder();
        void Line(IEnumerable<IRenderable> cells) =>
            lines.Append(string.Join('\t', cells.Select(c => Escape(Plain(c, options))))).Append('\n');

        switch (renderable)
        {
            case Table table:
                Line(table.Columns.Select(c => c.Header));
                foreach (var row in table.Rows)
                {
                    Line(row);
                }

                return lines.ToString();
            case Grid grid:
                foreach (var row in grid.Rows)
                {
                    Line(row);
                }

                return lines.ToString();
            default:
                return null;
        }
    }

    // A cell's text as drawn without wrapping: its markup's words, styles dropped, its own line breaks kept.
    static string Plain(IRenderable cell, RenderOptions options)
    {
        var text = new StringBuilder();
        foreach (var segment in cell.Render(options, int.MaxValue / 2))
        {
            if (segment.IsLineBreak)
            {
                text.Append('\n');
            }
            else if (!segment.IsControlCode)
            {
                text.Append(segment.Text);
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A TSV cell: backslash, tab, newline and carriage return escaped so each row stays one line.</summary>
    internal static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal);
}
