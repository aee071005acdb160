using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Completion;

/// <summary>
/// <c>outcomes completion bash|zsh|pwsh</c>: a script that completes commands, options and option values as the shell
/// asks, by calling <c>outcomes __complete</c> (<see cref="CompleteCommand"/>), which answers from the command tree
/// itself, so completions never drift from the commands.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print the tab-completion script for bash, zsh or PowerShell") { shell };
        Examples.Add(command,
            "source <(outcomes completion bash)                      # in ~/.bashrc",
            "source <(outcomes completion zsh)                       # in ~/.zshrc, after compinit",
            "outcomes completion pwsh | Out-String | Invoke-Expression  # in $PROFILE");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(Script(parse.GetRequiredValue(shell)));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # outcomes tab completion for bash: source <(outcomes completion bash)
            _outcomes_complete() {
                local IFS=$'\n'
                COMPREPLY=($(outcomes __complete "$COMP_POINT" "$COMP_LINE" 2>/dev/null))
            }
            complete -o default -F _outcomes_complete outcomes

            """,
        "zsh" => """
            # outcomes tab completion for zsh: source <(outcomes completion zsh)
            _outcomes() {
                local -a completions
                completions=("${(@f)$(outcomes __complete "$CURSOR" "$BUFFER" 2>/dev/null)}")
                compadd -a completions
            }
            compdef _outcomes outcomes

            """,
        _ => """
            # outcomes tab completion for PowerShell: outcomes completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName outcomes -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.Extent.Text
                $position = $cursorPosition - $commandAst.Extent.StartOffset
                outcomes __complete $position $line 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
