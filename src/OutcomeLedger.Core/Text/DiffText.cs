namespace OutcomeLedger.Core.Text;

/// <summary>
/// The words of what changed between two checkpoints (<c>outcomes diff</c>, the dashboard's "since the last meeting"),
/// in one language: a group of <see cref="TextCatalogue"/> (its <see cref="TextCatalogue.Diff"/>), kept in its own files.
/// </summary>
public sealed partial class DiffText
{
    /// <summary>The dashboard page's title.</summary>
    public required string PageTitle { get; init; }

    public required string PageIntro { get; init; }

    /// <summary>"{from}", "{fromDate}", "{to}", "{toDate}".</summary>
    public required string Between { get; init; }

    /// <summary>"{from}", "{to}", "{hashes}" (<see cref="ProofHashes"/>).</summary>
    public required string Consistent { get; init; }

    public required Plural ProofHashes { get; init; }

    public required string ChangesHeading { get; init; }

    public required string Change { get; init; }

    public required string Subject { get; init; }

    public required string Detail { get; init; }

    public required string By { get; init; }

    public required string NoChanges { get; init; }

    /// <summary>Entries in between that the list does not name (parties, keys).</summary>
    public required Plural OtherEntries { get; init; }

    public required string RatingsHeading { get; init; }

    public required string Before { get; init; }

    public required string Now { get; init; }

    /// <summary>The rating before, for a commitment logged in between.</summary>
    public required string New { get; init; }

    public required string NoRatingChanges { get; init; }

    /// <summary>A rating with what the data says beside it: "{rating}", "{finding}".</summary>
    public required string RatingWithFinding { get; init; }

    /// <summary>"{period}", "{value}".</summary>
    public required string ValueDetail { get; init; }

    /// <summary>"{period}", "{from}", "{to}".</summary>
    public required string CorrectedDetail { get; init; }

    /// <summary>"{period}", "{reported}", "{figure}".</summary>
    public required string DisputeDetail { get; init; }

    /// <summary>The dashboard's error for a checkpoint it cannot find: "{value}".</summary>
    public required string NoSuchCheckpoint { get; init; }

    /// <summary>The dashboard's form: the two checkpoints and its button.</summary>
    public required string FromLabel { get; init; }

    public required string ToLabel { get; init; }

    public required string Show { get; init; }

    public required string KindAgreement { get; init; }

    public required string KindStatement { get; init; }

    public required string KindCommitment { get; init; }

    public required string KindIndicator { get; init; }

    public required string KindPolicy { get; init; }

    public required string KindTermsAccepted { get; init; }

    public required string KindTermsContested { get; init; }

    public required string KindValueAdded { get; init; }

    public required string KindValueCorrected { get; init; }

    public required string KindValueConfirmed { get; init; }

    public required string KindVerificationFailed { get; init; }

    public required string KindDisputeOpened { get; init; }

    public required string KindDisputeResolved { get; init; }

    public required string KindDisputeWithdrawn { get; init; }
}
