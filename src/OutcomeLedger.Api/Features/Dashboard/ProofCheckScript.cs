using System.Text.Json;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The words of the log page's only script (<c>Assets/proof-check.js</c>, which checks an entry's inclusion proof in the
/// browser as RFC 9162 §2.1.3.2 defines it). The script is the same file in every language: its words come from the
/// text catalogue as JSON in the form's <c>data-messages</c> attribute (<see cref="Messages"/>).
/// </summary>
internal static class ProofCheckScript
{
    /// <summary>The words the script shows, as the JSON its <c>data-messages</c> attribute carries.</summary>
    public static string Messages(TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonSerializer.Serialize(new
        {
            ok = text.ProofVerified,
            fail = text.ProofNotVerified,
            mismatch = text.ProofMismatch,
            receipt = text.ProofNotReceipt,
            other = text.ProofOtherEntry,
            tooLong = text.ProofTooLong,
        });
    }
}
