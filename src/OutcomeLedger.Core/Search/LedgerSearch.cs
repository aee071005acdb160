using System.Globalization;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Search;

/// <summary>What a search hit is.</summary>
public enum SearchHitKind
{
    Commitment,
    Indicator,
    Statement,
}

/// <summary>One hit: what it is, its id, the text to show, a date for statements, and the entry that logged it.</summary>
public sealed record SearchHit(SearchHitKind Kind, string Id, string Text, DateOnly? Date, ulong Entry);

/// <summary>
/// The dashboard's search across statements (title, speaker, quotes), commitments (text) and indicators (name, unit,
/// data source), in the log's state: every word of the query must appear, ignoring case and accents. Queries are
/// bounded (<see cref="MaxLength"/> characters, <see cref="MaxWords"/> words) and so are the results.
/// </summary>
public static class LedgerSearch
{
    public const int MaxLength = 200;

    public const int MaxWords = 12;

    public const int MaxHits = 100;

    /// <summary>The hits for <paramref name="query"/>: commitments, then indicators, then statements newest first; at most <see cref="MaxHits"/>.</summary>
    public static IReadOnlyList<SearchHit> Find(LedgerState state, string query)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxLength)
        {
            throw new ArgumentException($"a search is at most {MaxLength} characters", nameof(query));
        }

        var words = Fold(query).Split((char[])[' ', '\t', '\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        bool Matches(IEnumerable<string?> fields)
        {
            var text = Fold(string.Join(" \u0001 ", fields.Where(f => f is not null)));
            return words.All(w => text.Contains(w, StringComparison.Ordinal));
        }

        var hits = new List<SearchHit>();
        hits.AddRange(state.Commitments.Values.Where(c => Matches([c.Record.Text, c.Record.Id.Value]))
            .OrderBy(c => c.Record.Id.Value, StringComparer.Ordinal)
            .Select(c => new SearchHit(SearchHitKind.Commitment, c.Record.Id.Value, c.Record.Text, c.Record.MadeOn, c.Index)));
        hits.AddRange(state.Indicators.Values.Where(i => Matches([i.Record.Name, i.Record.Id.Value, i.Record.Unit, i.Record.DataSource]))
            .OrderBy(i => i.Record.Id.Value, StringComparer.Ordinal)
            .Select(i => new SearchHit(SearchHitKind.Indicator, i.Record.Id.Value, i.Record.Name, null, i.Index)));
        hits.AddRange(state.Statements.Values.Where(s => Matches([s.Record.Title, s.Record.Speaker, s.Record.Id.Value, .. s.Record.Quotes.Select(q => q.Text)]))
            .OrderByDescending(s => s.Record.Date).ThenByDescending(s => s.Index)
            .Select(s => new SearchHit(SearchHitKind.Statement, s.Record.Id.Value, s.Record.Title, s.Record.Date, s.Index)));
        return hits.Count > MaxHits ? hits[..MaxHits] : hits;
    }

    /// <summary>Lower case without accents (México matches mexico), so a reader need not type them.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }
}
