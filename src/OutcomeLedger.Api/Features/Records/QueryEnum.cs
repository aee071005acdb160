using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OutcomeLedger.Api.Features.Records;

/// <summary>Enum filters in a query string, spelled as in the JSON (kebab-case: <c>verification-failed</c>).</summary>
public static class QueryEnum
{
    public static bool TryParse<T>(string? value, string field, out T? parsed, out ProblemHttpResult? problem)
        where T : struct, Enum
    {
        parsed = null;
        problem = null;
        if (value is null)
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (JsonNamingPolicy.KebabCaseLower.ConvertName(candidate.ToString()) == value)
            {
                parsed = candidate;
                return true;
            }
        }

        problem = ApiProblem.BadRequest(field, $"{field} is one of {string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())))}");
        return false;
    }
}
