namespace OutcomeLedger.Core.Text;

// The dashboard's review queue: what awaits the signed-in party's attestation, acknowledged or disputed in bulk.
public sealed partial class TextCatalogue
{
    /// <summary>The review queue's page and navigation link.</summary>
    public required string ReviewPage { get; init; }

    /// <summary>Signed out, on the review page: sign in first (a link to the sign-in form follows).</summary>
    public required string ReviewSignIn { get; init; }

    /// <summary>The column of the boxes that choose values.</summary>
    public required string ReviewChoose { get; init; }

    /// <summary>A value's box, for screen readers: <c>{period}</c>, <c>{entry}</c>.</summary>
    public required string ReviewChooseValue { get; init; }

    /// <summary>The button that gives the verdict to the ticked values.</summary>
    public required string ReviewApplyTicked { get; init; }

    /// <summary>The button that gives the verdict to every value of the group: <c>{values}</c> (a count of values).</summary>
    public required string ReviewApplyGroup { get; init; }

    /// <summary>How the page's verdicts are signed: <c>{party}</c>.</summary>
    public required string ReviewExplain { get; init; }

    /// <summary>A dispute's figure and reason are optional for an acknowledgement: the hint by the fields.</summary>
    public required string ReviewDisputeHint { get; init; }

    /// <summary>A bulk verdict with no value ticked.</summary>
    public required string ReviewNoneTicked { get; init; }

    /// <summary>A dispute without its figure.</summary>
    public required string ReviewDisputeNeedsFigure { get; init; }

    /// <summary>A bulk verdict logged: <c>{values}</c>, <c>{verdict}</c>, <c>{first}</c>, <c>{last}</c>, <c>{checkpoint}</c>.</summary>
    public required string ReviewLogged { get; init; }

    /// <summary>Values that already had the verdict, left alone: <c>{values}</c>.</summary>
    public required string ReviewAlready { get; init; }

    /// <summary>A bulk verdict refused, before the reason (nothing was logged).</summary>
    public required string ReviewRefused { get; init; }
}
