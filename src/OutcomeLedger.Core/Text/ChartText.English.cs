namespace OutcomeLedger.Core.Text;

public sealed partial class ChartText
{
    public static ChartText English { get; } = new()
    {
        ProjectedTrend = "Projected trend without the commitment (segmented regression)",
        ProjectedTrendShort = "trend without commitment",
        FullHistory = "Full history",
        AssessmentWindowOnly = "Assessment window only",
        WindowShown = "The charts show the assessment window, {from} to {to}.",
        FullHistoryShown = "The charts show the full history, {from} to {to}.",
        Download = "Download:",
        DownloadSvg = "chart (SVG)",
        DownloadCsv = "data (CSV)",
        LatestStatement = "Latest statement",
        NoStatement = "No statement logged yet.",
        Sparkline = "Values of {indicator} over the assessment window",
        Search = "Search",
        SearchButton = "Search",
        SearchPlaceholder = "statements, commitments, indicators",
        SearchResults = "Results for “{query}”",
        NoResults = "Nothing found.",
        QueryTooLong = "The search is too long: at most {max} characters.",
        NewestFirst = "newest first",
        TokenHowTo = "How to get and use a token",
        TokenStep1 = "Ask the ledger's operator for a token for your party. The operator creates it on the server with {command} and gives it to you once, over a secure channel.",
        TokenStep2 = "Paste the token in the field below and sign in. It is kept in a cookie only this server can read, and never shown again in a page.",
        TokenStep3 = "The forms you may use then appear below: what you may submit depends on your party's role.",
        TokenStep4 = "Programs use the same token in the HTTP header {header}. Sign out on a shared computer; ask the operator to revoke a token that may have leaked.",
    };
}
