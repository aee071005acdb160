using System.Globalization;

namespace OutcomeLedger.Core.Text;

/// <summary>
/// A counted phrase in its singular and plural forms, each with an <c>{n}</c> placeholder: "{n} value", "{n} values".
/// English and Spanish both use the singular for exactly one and the plural otherwise (zero included).
/// </summary>
public sealed record Plural(string One, string Other)
{
    public string Of(int count) =>
        TextCatalogue.Fill(count == 1 ? One : Other, ("n", count.ToString(CultureInfo.InvariantCulture)));
}
