using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// Values of one indicator over a run of consecutive periods (<see cref="From"/> to <see cref="To"/>) awaiting a party's
/// attestation, newest first, with the sources they cite and what acknowledging them would change (<see cref="Effect"/>).
/// </summary>
public sealed record ReviewGroup(IndicatorRecord Indicator, Period From, Period To, IReadOnlyList<MeasurementState> Values, ReviewEffect Effect)
{
    /// <summary>The distinct sources the values cite (dataset, address, file and its hash; not the line).</summary>
    public IReadOnlyList<MeasurementSource> Sources { get; } = [.. Values.Select(v => v.Record.Source with { Line = null }).Distinct()];

    /// <summary>The party that reported the group's values (the newest value's author).</summary>
    public PartyId Reporter => Values[0].Record.Author;

    /// <summary>
    /// "indicator (name), reported by us: from to to, N values"; the periods as <paramref name="period"/> writes them
    /// (as the log writes them, yyyy-MM, when null: what a command line takes).
    /// </summary>
    public string Heading(TextCatalogue text, Func<string, string>? period = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        period ??= p => p;
        return TextCatalogue.Fill(text.ReviewGroupHeading,
            ("indicator", Indicator.Id.Value),
            ("name", Indicator.Name),
            ("reporter", Reporter.Value),
            ("from", period(From.ToString())),
            ("to", period(To.ToString())),
            ("values", text.ValuesCount.Of(Values.Count)));
    }

    /// <summary>"Sources: dataset, file, address; …".</summary>
    public string SourcesLine(TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextCatalogue.Fill(text.ReviewSources, ("sources", string.Join("; ", Sources.Select(Describe))));
    }

    static string Describe(MeasurementSource source) =>
        string.Join(", ", new[] { source.Dataset, source.FileName, source.Url }.Where(s => !string.IsNullOrEmpty(s)));
}
