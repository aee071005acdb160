using System.Text.Json;

namespace OutcomeLedger.Core.Ledger;

/// <summary>Enum values in projection rows, as the records' JSON writes them: <c>joint-statement</c>.</summary>
internal static class ProjectionNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
