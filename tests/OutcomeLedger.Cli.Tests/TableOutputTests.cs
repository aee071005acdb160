using Spectre.Console;

namespace OutcomeLedger.Cli.Tests;

/// <summary>Tables as TSV: a header row, a line per row, markup dropped, tabs and line breaks in cells escaped.</summary>
public sealed class TableOutputTests
{
    [Fact]
    public void Tsv_HeaderThenRows_CellsEscaped()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var table = new Table().AddColumns("Entry", "[bold]Text[/]");
        table.AddRow("7", Markup.Escape("a\tb"));
        table.AddRow("8", "[green]one[/]\ntwo \\ three");

        var tsv = TableOutput.Tsv(console, table);

        Assert.Equal("Entry\tText\n7\ta\\tb\n8\tone\\ntwo \\\\ three\n", tsv);
    }

    [Fact]
    public void Tsv_NotATable_Null()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });

        Assert.Null(TableOutput.Tsv(console, new Text("plain")));
    }
}
