namespace OutcomeLedger.Core.Text;

public sealed partial class PackText
{
    public static PackText English { get; } = new()
    {
        DefaultTitle = "{agreement}: where the commitments stand",
        Subtitle = "As of {date} · checkpoint {size} of {origin}",
        SummaryHeading = "The commitments at a glance",
        SummaryIntro = "Each commitment is rated on two axes: what the data says, and how much of it the other party or a verifier has confirmed. The one-word rating combines them.",
        SinceHeading = "Since checkpoint {size} ({date})",
        SinceColumn = "Since {date}",
        ChangeNone = "no change",
        ChangeNew = "new since then",
        ChangeRating = "rating {from} → {to}",
        ChangeFinding = "data says {from} → {to}",
        ChangeValues = new("{n} new value", "{n} new values"),
        ChangeConfirmed = new("{n} more confirmed", "{n} more confirmed"),
        ChangeStatements = new("{n} new statement", "{n} new statements"),
        ChangeDisputesOpened = new("{n} dispute opened", "{n} disputes opened"),
        ChangeDisputesClosed = new("{n} dispute closed", "{n} disputes closed"),
        NextHeading = "What is needed next",
        KeyFigures = "Key figures",
        LatestValue = "Latest value ({period})",
        ObservedChangeFigure = "{value} ({lower} to {upper}), {from} – {to}",
        TargetFigure = "{value} by {date}",
        NoOpenDispute = "No open dispute.",
        DisputedBy = "Disputed by",
        RoundedNote = "Figures are rounded for reading; the scorecard JSON of the same checkpoint holds them exactly, each with its log entry.",
        AnnexHeading = "Annex: how to check this report",
        AnnexIntro = "Every figure in this report comes from the log at the checkpoint below. Anyone holding the log, or its published tiles, can check the signatures and recompute every rating.",
        LogTime = "Log time",
        LogKey = "Log's verifier key",
        LogSignature = "log key",
        ScorecardSha256 = "SHA-256 of the scorecard JSON",
        CommandsHeading = "Commands to verify",
        CommandsIntro = "Run them in the ledger's folder, or add {option} with its folder:",
        CommandScorecard = "Write the scorecard of this checkpoint as JSON; its SHA-256 is the one above.",
        CommandVerify = "Check its signatures and every entry it cites, and recompute it byte for byte.",
        CommandTiles = "Check the whole published log (static tiles) against its signed checkpoint.",
        CommandLog = "Check the stored log against its own hashes, signatures and checkpoints.",
        PageOf = "Page {page} of {pages}",
    };
}
