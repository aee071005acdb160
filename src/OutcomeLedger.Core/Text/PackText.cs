namespace OutcomeLedger.Core.Text;

/// <summary>
/// The words of the ministerial pack (<c>outcomes pack</c>), in one language: a group of <see cref="TextCatalogue"/>
/// (its <see cref="TextCatalogue.Pack"/>), kept in its own files so the pack's words sit together. Templates are filled
/// by <see cref="TextCatalogue.Fill"/> like every other.
/// </summary>
public sealed partial class PackText
{
    /// <summary>The pack's title when none is given: "{agreement}".</summary>
    public required string DefaultTitle { get; init; }

    /// <summary>The line under the title: "{date}", "{size}", "{origin}".</summary>
    public required string Subtitle { get; init; }

    public required string SummaryHeading { get; init; }

    public required string SummaryIntro { get; init; }

    /// <summary>The column and heading of what changed: "{size}", "{date}".</summary>
    public required string SinceHeading { get; init; }

    public required string SinceColumn { get; init; }

    public required string ChangeNone { get; init; }

    public required string ChangeNew { get; init; }

    /// <summary>"{from}", "{to}".</summary>
    public required string ChangeRating { get; init; }

    /// <summary>"{from}", "{to}".</summary>
    public required string ChangeFinding { get; init; }

    public required Plural ChangeValues { get; init; }

    public required Plural ChangeConfirmed { get; init; }

    public required Plural ChangeStatements { get; init; }

    public required Plural ChangeDisputesOpened { get; init; }

    public required Plural ChangeDisputesClosed { get; init; }

    public required string NextHeading { get; init; }

    public required string KeyFigures { get; init; }

    /// <summary>"{period}".</summary>
    public required string LatestValue { get; init; }

    /// <summary>"{value}", "{lower}", "{upper}", "{from}", "{to}".</summary>
    public required string ObservedChangeFigure { get; init; }

    /// <summary>"{value}", "{date}".</summary>
    public required string TargetFigure { get; init; }

    public required string NoOpenDispute { get; init; }

    public required string DisputedBy { get; init; }

    public required string RoundedNote { get; init; }

    public required string AnnexHeading { get; init; }

    public required string AnnexIntro { get; init; }

    public required string LogTime { get; init; }

    public required string LogKey { get; init; }

    public required string LogSignature { get; init; }

    public required string ScorecardSha256 { get; init; }

    public required string CommandsHeading { get; init; }

    public required string CommandsIntro { get; init; }

    public required string CommandScorecard { get; init; }

    public required string CommandVerify { get; init; }

    public required string CommandTiles { get; init; }

    public required string CommandLog { get; init; }

    /// <summary>"{page}", "{pages}".</summary>
    public required string PageOf { get; init; }
}
