using System.CommandLine;

namespace OutcomeLedger.Cli;

/// <summary>Options every command understands, declared once on the root and inherited by every subcommand.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Ledger = new("--ledger")
    {
        Description = "Ledger folder, or a PostgreSQL connection string (default: $OUTCOMES_LEDGER, else the current folder)",
        HelpName = "folder",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON for scripts instead of tables",
        Recursive = true,
    };

    /// <summary>The language of a command's tables and messages for people; JSON output is the same in every language.</summary>
    public static Option<string> Lang() => new("--lang")
    {
        Description = "Language of tables and messages: en or es",
        DefaultValueFactory = _ => "en",
    };

    /// <summary>The key that signs what a command records: a file path; $OUTCOMES_KEY may hold the key itself instead.</summary>
    public static Option<string?> Key() => new("--key")
    {
        Description = "File with the author's signing key (owner-only permissions); default: $OUTCOMES_KEY",
        HelpName = "file",
    };

    public static Option<string> As() => new("--as")
    {
        Description = "The party you record as (its registered id, e.g. us, mx)",
        HelpName = "party",
        Required = true,
    };
}
