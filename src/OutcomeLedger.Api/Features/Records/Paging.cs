using Microsoft.AspNetCore.Http.HttpResults;

namespace OutcomeLedger.Api.Features.Records;

/// <summary>Offset and page size of a list request, bounded: at most <see cref="MaxLimit"/> items a page.</summary>
public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>The longest filter value a list accepts.</summary>
    public const int MaxFilterLength = 200;

    public static bool TryCreate(int? offset, int? limit, out Paging paging, out ProblemHttpResult? problem)
    {
        paging = new Paging(offset ?? 0, limit ?? DefaultLimit);
        problem = null;
        if (paging.Offset < 0)
        {
            problem = ApiProblem.BadRequest("offset", "offset must be zero or more");
        }
        else if (paging.Limit is < 1 or > MaxLimit)
        {
            problem = ApiProblem.BadRequest("limit", $"limit must be between 1 and {MaxLimit}");
        }

        return problem is null;
    }

    /// <summary>Checks filter values for length; the first too long is named.</summary>
    public static bool FiltersFit(out ProblemHttpResult? problem, params (string Name, string? Value)[] filters)
    {
        foreach (var (name, value) in filters)
        {
            if (value is { Length: > MaxFilterLength })
            {
                problem = ApiProblem.BadRequest(name, $"{name} is longer than {MaxFilterLength} characters");
                return false;
            }
        }

        problem = null;
        return true;
    }

    public Page<T> Apply<T>(IEnumerable<T> ordered)
    {
        var all = ordered as IReadOnlyList<T> ?? [.. ordered];
        return new Page<T>([.. all.Skip(Offset).Take(Limit)], Offset, Limit, all.Count);
    }

    /// <summary>The session's paging for this request (already validated).</summary>
    public Core.Sessions.Paging ToSession() => new(Offset, Limit);

    /// <summary>A page the session read, its items turned into their views.</summary>
    public static Page<TView> Of<TItem, TView>(Core.Sessions.Page<TItem> page, Func<TItem, TView> view)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(view);
        return new Page<TView>([.. page.Items.Select(view)], page.Offset, page.Limit, (int)Math.Min(page.Total, int.MaxValue));
    }
}
