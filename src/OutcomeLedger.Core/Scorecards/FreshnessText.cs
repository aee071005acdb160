using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>The freshness line of a scorecard's indicator in the reader's words (the catalogue takes plain values, so Text does not depend on Scorecards).</summary>
public static class FreshnessText
{
    public static string FreshnessLine(this TextCatalogue text, ScorecardFreshness freshness)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(freshness);
        return text.FreshnessLine(freshness.Latest, freshness.ExpectedThrough, freshness.Overdue, freshness.Cadence, freshness.Lag, freshness.ProvisionalMonths);
    }
}
