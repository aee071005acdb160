using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Help;

/// <summary>
/// <c>outcomes help [command…]</c>: the same help as <c>outcomes [command…] --help</c>, for those who type the word
/// first (git, go and docker take it that way). An unknown command is a usage error, as anywhere else.
/// </summary>
internal static class HelpCommand
{
    public static Command Create()
    {
        var words = new Argument<string[]>("command") { Description = "The command to describe (none: every command)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Show the help of a command (as --help after it does)") { words };
        Examples.Add(command, "outcomes help", "outcomes help measure add");
        command.SetAction(parse =>
        {
            var path = parse.GetValue(words) ?? [];
            Command at = parse.RootCommandResult.Command;
            foreach (var word in path)
            {
                // --help after an unknown word shows the parent's help and succeeds; asked by name, it is a usage error.
                if (at.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word)) is not { } next)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"error: '{string.Join(' ', path)}' is not a command; run 'outcomes help' for the list");
                    return ExitCodes.Usage;
                }

                at = next;
            }

            return Program.Run([.. path, "--help"], new InvocationConfiguration { Output = parse.InvocationConfiguration.Output, Error = parse.InvocationConfiguration.Error });
        });
        return command;
    }
}
