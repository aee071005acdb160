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

    /// <summary>
    /// The language of what every command writes for people (tables, reports, scorecards); --json output is the same in
    /// every language. (`statement add` has an option of its own by this name: the language of its quotes.)
    /// </summary>
    public static readonly Option<string> Lang = CreateLang();

    static Option<string> CreateLang()
    {
        var lang = new Option<string>("--lang")
        {
            Description = "Language of tables, reports and scorecards: en or es (--json is the same in both)",
            DefaultValueFactory = _ => "en",
            HelpName = "en|es",
            Recursive = true,
        };
        lang.AcceptOnlyFromAmong("en", "es");
        return lang;
    }

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
