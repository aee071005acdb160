using System.Text;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli;

/// <summary>Evaluates an agreement at a checkpoint and writes its scorecard: JSON first, HTML and Markdown rendered from it.</summary>
internal static class ScorecardFiles
{
    /// <summary>The scorecard in one format; HTML and Markdown are rendered from the JSON model, never computed apart.</summary>
    public static byte[] Render(Scorecard scorecard, string format, ScorecardLanguage language, ChartWindow window = ChartWindow.Assessment) => format switch
    {
        "json" => ScorecardJson.Serialize(scorecard),
        "html" => Encoding.UTF8.GetBytes(HtmlScorecard.Render(scorecard, language, window)),
        "md" => Encoding.UTF8.GetBytes(MarkdownScorecard.Render(scorecard, language)),
        _ => throw CliError.Usage($"--format: '{format}' is not json, md or html"),
    };

    public static ScorecardLanguage Language(string lang) => lang switch
    {
        "en" => ScorecardLanguage.English,
        "es" => ScorecardLanguage.Spanish,
        _ => throw CliError.Usage($"--lang: '{lang}' is not en or es"),
    };
}
