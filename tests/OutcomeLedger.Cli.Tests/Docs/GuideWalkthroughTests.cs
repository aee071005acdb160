using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Cli.Tests.Docs;

/// <summary>
/// Runs every command of docs/guide.md's walk-through, in order, as a user would: the real program in a fresh
/// folder holding the shipped data. A guide that drifts from the tool fails here.
/// </summary>
public sealed partial class GuideWalkthroughTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Walkthrough_EveryCommand_RunsAndDoesWhatTheGuideSays()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "data"), _folder["data"]);
        var commands = WalkthroughCommands(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "guide.md")));
        Assert.True(commands.Count >= 20, $"the walk-through has only {commands.Count} commands");

        var outputs = new List<(string Command, string Output)>();
        foreach (var line in commands)
        {
            var (exit, output, error) = Run(Expand(line));
            Assert.True(exit == 0, $"'{line}' exited {exit}:\n{output}\n{error}");
            outputs.Add((line, output));
        }

        string OutputOf(string prefix) => outputs.Last(o => o.Command.StartsWith(prefix, StringComparison.Ordinal)).Output;
        Assert.Contains("0 new", OutputOf("outcomes import cbp"), StringComparison.Ordinal);
        Assert.Contains("disputed", OutputOf("outcomes indicator show"), StringComparison.Ordinal);
        Assert.Contains("valid", OutputOf("outcomes verify "), StringComparison.Ordinal);
        Assert.Contains("Match the file, verified:", OutputOf("outcomes verify-source"), StringComparison.Ordinal);
        Assert.Contains("Awaiting mx's attestation", OutputOf("outcomes review"), StringComparison.Ordinal);
        Assert.Contains("ILUSTRATIVA", File.ReadAllText(_folder["tarjeta.html"]).ToUpperInvariant(), StringComparison.Ordinal);
        Assert.True(File.Exists(_folder["entry-9.proof"]));
    }

    /// <summary>Every command of the guide's ```sh blocks: all of them are run.</summary>
    internal static List<string> WalkthroughCommands(string guide)
    {
        // Every code block of the guide is a ```sh block, so none escapes the run.
        Assert.Equal(2 * Regex.Count(guide, "```sh\n"), Regex.Count(guide, "```"));
        return [.. ShellBlock().Matches(guide)
            .SelectMany(m => m.Groups[1].Value.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("outcomes ", StringComparison.Ordinal))];
    }

    /// <summary>Substitutes <c>"$(outcomes …)"</c> with that command's trimmed output, as a shell would.</summary>
    string Expand(string line) => Substitution().Replace(line, m =>
    {
        var (exit, output, error) = Run(m.Groups[1].Value);
        Assert.True(exit == 0, $"'{m.Groups[1].Value}' exited {exit}: {error}");
        return "\"" + output.Trim() + "\"";
    });

    (int Exit, string Output, string Error) Run(string line)
    {
        var words = Words(line);
        Assert.Equal("outcomes", words[0]);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outcomes.dll"));
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"'{line}' did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Splits a command line into words the way a POSIX shell does for the simple quoting the guide uses.</summary>
    internal static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Assert.Null(quote);
        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [Fact]
    public void Words_QuotedArguments_StayWhole() =>
        Assert.Equal(["outcomes", "party", "add", "us", "--name", "United States", "--x", "a b"], Words("outcomes party add us --name \"United States\" --x 'a b'"));

    static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("\"\\$\\((outcomes [^)]*)\\)\"")]
    private static partial Regex Substitution();
}
