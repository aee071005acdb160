namespace OutcomeLedger.Core.Text;

/// <summary>The languages a scorecard is rendered in: "en" and "es" (Mexican Spanish conventions).</summary>
public enum ScorecardLanguage
{
    English,
    Spanish,
}
