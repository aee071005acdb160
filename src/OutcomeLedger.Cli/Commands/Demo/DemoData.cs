using System.Text.Json;

namespace OutcomeLedger.Cli.Commands.Demo;

/// <summary>
/// The real public data the demo ships (the repository's data/ folder, copied beside the program): CBP seizures,
/// CDC overdose deaths, Mexico's transfers and Security Cabinet figures, and the statements with their quotes.
/// See data/PROVENANCE.md; nothing here is invented, estimated or altered.
/// </summary>
internal sealed class DemoData(string root)
{
    public string Root { get; } = root;

    public static DemoData Locate()
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, "data"), Path.Combine(Directory.GetCurrentDirectory(), "data") })
        {
            if (System.IO.File.Exists(Path.Combine(candidate, "MANIFEST.csv")))
            {
                return new DemoData(candidate);
            }
        }

        throw CliError.Environment("the demo data (data/MANIFEST.csv) is not beside the program; run from the repository or a full build");
    }

    public string File(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string[] CbpFiles => [File("cbp/nationwide-drugs-fy19-fy22.csv"), File("cbp/nationwide-drugs-fy23-fy26-dec.csv")];

    public string CdcFile => File("cdc/cdc_api_provisional_overdose_counts.csv");

    public string TransfersFile => File("mexico/mx_to_us_transfers.csv");

    public string CabinetFile => File("mexico/mx_gabinete_seguridad_cumulative_transcribed.csv");

    public string StatementsFile => File("statements/us_mexico_security_commitments.json");

    public IReadOnlyList<StatementSource> Statements()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(StatementsFile));
        var result = new List<StatementSource>();
        foreach (var s in document.RootElement.GetProperty("statements").EnumerateArray())
        {
            var quotes = s.TryGetProperty("commitments", out var commitments)
                ? commitments.EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToList()
                : [];
            result.Add(new StatementSource(
                s.GetProperty("id").GetString()!,
                DateOnly.Parse(s.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                s.GetProperty("title").GetString()!,
                s.GetProperty("parties").EnumerateArray().Select(p => p.GetString()!).ToList(),
                s.TryGetProperty("publisher", out var publisher) ? publisher.GetString() : null,
                s.GetProperty("source_url").GetString()!,
                quotes));
        }

        return result;
    }

    internal sealed record StatementSource(string Id, DateOnly Date, string Title, IReadOnlyList<string> Parties, string? Publisher, string SourceUrl, IReadOnlyList<string> Quotes);
}
