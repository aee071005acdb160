using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Hashing.IpsecMb;
using OutcomeLedger.Storage;
using Spectre.Console;

namespace OutcomeLedger.Cli;

/// <summary>What a running command needs: its output streams, the --json switch, and the ledger it works on.</summary>
internal sealed class CommandContext(ParseResult parse)
{
    public ParseResult Parse { get; } = parse;

    public TextWriter Output { get; } = parse.InvocationConfiguration.Output;

    public TextWriter Error { get; } = parse.InvocationConfiguration.Error;

    public bool Json { get; } = parse.GetValue(CommonOptions.Json);

    /// <summary>
    /// A console for tables and progress that writes to <see cref="Output"/> (plain text when redirected). Made on first
    /// use: a command that writes JSON or a line or two never loads Spectre.Console.
    /// </summary>
    public IAnsiConsole Console => _console ??= CreateConsole(Output);

    IAnsiConsole? _console;

    // Redirected output has no width of its own: give tables room rather than wrapping every cell.
    static IAnsiConsole CreateConsole(TextWriter output)
    {
        var colour = ConsoleColour.Enabled(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = System.Console.IsOutputRedirected || output != System.Console.Out ? 160 : Math.Max(System.Console.WindowWidth, 100);
        return console;
    }

    public string LedgerLocation
    {
        get
        {
            var given = Parse.GetValue(CommonOptions.Ledger) ?? System.Environment.GetEnvironmentVariable("OUTCOMES_LEDGER");
            if (!string.IsNullOrEmpty(given))
            {
                return given;
            }

            return File.Exists(LedgerFolder.ConfigFile)
                ? "."
                : throw CliError.Usage("no ledger given: pass --ledger <folder> (or set OUTCOMES_LEDGER), or run in a ledger folder");
        }
    }

    /// <summary>The batch SHA-256 this command hashes with ($OUTCOMES_SHA256: intel-ipsec-mb's when usable, else .NET's).</summary>
    public Sha256Choice Sha256 => _sha256 ??= Sha256Choice.FromEnvironment();

    Sha256Choice? _sha256;

    public async Task<LedgerFolder> OpenLedgerAsync(CancellationToken cancellationToken)
    {
        var location = LedgerLocation;
        try
        {
            return await LedgerFolder.OpenAsync(location, Sha256.Hasher, cancellationToken);
        }
        catch (DirectoryNotFoundException e)
        {
            throw CliError.Environment(e.Message);
        }
        catch (LedgerStoreUnavailableException e)
        {
            throw CliError.Environment($"cannot open the ledger database: {e.Message}");
        }
    }

    /// <summary>The signing key: --key file, else $OUTCOMES_KEY. A key file readable by others is refused; the key is never printed.</summary>
    public static SigningKey LoadSigningKey(string? path, string? fallbackPath = null)
    {
        try
        {
            if (!string.IsNullOrEmpty(path))
            {
                return KeyFile.ReadSigningKey(path);
            }

            var fromEnvironment = System.Environment.GetEnvironmentVariable("OUTCOMES_KEY");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return KeyFile.ParseSigningKey(fromEnvironment, "$OUTCOMES_KEY");
            }

            if (fallbackPath is not null && File.Exists(fallbackPath))
            {
                return KeyFile.ReadSigningKey(fallbackPath);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or UnauthorizedAccessException or InvalidDataException or IOException)
        {
            throw CliError.Environment(e.Message);
        }

        throw CliError.Usage("no signing key: pass --key <file> or set OUTCOMES_KEY");
    }

    /// <summary>The language the global --lang option asks for.</summary>
    public ScorecardLanguage Language => ScorecardFiles.Language(Parse.GetValue(CommonOptions.Lang) ?? "en");

    /// <summary>The words of the language the global --lang option asks for.</summary>
    public TextCatalogue Text => TextCatalogue.For(Language);

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOutput));

    // RecordJson.Options carries generated metadata for the records only; the outputs' own (anonymous) types are still
    // described by reflection, their enums as kebab-case names, until they get named types in a generated context.
    static readonly JsonSerializerOptions JsonOutput = new(RecordJson.Options)
    {
        WriteIndented = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(RecordJson.Options.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
