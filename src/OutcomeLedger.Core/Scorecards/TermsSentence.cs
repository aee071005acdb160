using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>The words for where terms stand, from the text catalogue, shared by the Markdown and HTML scorecards.</summary>
public static class TermsSentence
{
    /// <summary>"agreed by every party" or "proposed by us, not accepted by mx".</summary>
    public static string Terms(this TextCatalogue text, ScorecardTerms terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Agreed
            ? text.TermsAgreed
            : TextCatalogue.Fill(text.TermsProposed, ("proposer", terms.ProposedBy), ("parties", string.Join(", ", terms.AwaitingFrom)));
    }

    /// <summary>
    /// The label of a target that is not illustrative: "agreed" only when the indicator's terms are agreed by every
    /// party (or the log holds no terms for it); otherwise "proposed by us, not accepted by mx".
    /// </summary>
    public static string TargetBasis(this TextCatalogue text, ScorecardTerms? terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        return terms is null || terms.Agreed
            ? text.Agreed
            : TextCatalogue.Fill(text.TargetProposed, ("proposer", terms.ProposedBy), ("parties", string.Join(", ", terms.AwaitingFrom)));
    }

    /// <summary>
    /// Where terms stand in one cell of a summary: "agreed by every party", or "proposed by us, not accepted by mx",
    /// followed by each standing objection ("Objection by mx"); "—" when the log holds no terms for the entry.
    /// </summary>
    public static string TermsSummary(this TextCatalogue text, ScorecardTerms? terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        return terms is null ? "—" : string.Join("; ", [text.Terms(terms), .. terms.Objections.Select(o => text.ObjectionBy(o))]);
    }

    /// <summary>"Objection by mx".</summary>
    public static string ObjectionBy(this TextCatalogue text, ScorecardObjection objection)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(objection);
        return TextCatalogue.Fill(text.ObjectionBy, ("party", objection.Author));
    }
}
