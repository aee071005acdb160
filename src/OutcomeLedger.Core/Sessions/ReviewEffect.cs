using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// What acknowledging every value awaiting the party on a commitment's indicators would do to the commitment's rating:
/// <see cref="Before"/> at the checkpoint, <see cref="After"/> with those acknowledgements (computed by the same
/// evaluation, on the replayed state with the acknowledgements applied; nothing is logged). <see cref="Values"/> counts
/// the awaiting values on that commitment (every group of its indicators).
/// </summary>
public sealed record ReviewEffect(CommitmentId Commitment, int Values, Rating Before, Rating After)
{
    /// <summary>The commitment cannot be assessed now and could be once these values are acknowledged.</summary>
    public bool MakesAssessable => Before is Rating.Unverifiable or Rating.NotYetAssessed && After is not (Rating.Unverifiable or Rating.NotYetAssessed);

    /// <summary>
    /// "Acknowledging the N values awaiting <paramref name="party"/> on X makes it assessable (rating)", or changes its
    /// rating from one to another, or leaves it as it is.
    /// </summary>
    public string Sentence(TextCatalogue text, PartyId party)
    {
        ArgumentNullException.ThrowIfNull(text);
        var template = MakesAssessable ? text.ReviewMakesAssessable : Before != After ? text.ReviewChangesRating : text.ReviewLeavesRating;
        return TextCatalogue.Fill(template,
            ("values", text.ValuesCount.Of(Values)),
            ("party", party.Value),
            ("commitment", Commitment.Value),
            ("before", text.RatingName(Before)),
            ("after", text.RatingName(After)));
    }
}
