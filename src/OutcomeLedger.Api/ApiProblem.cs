using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api;

/// <summary>RFC 9457 problem details for every error the API returns; details name the field, never a secret.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult BadRequest(string field, string detail) =>
        Create(StatusCodes.Status400BadRequest, "The request is malformed", detail, [new ValidationError(field, detail)]);

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, "A valid bearer token is required", detail);

    public static ProblemHttpResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "Not allowed for this token", detail);

    public static ProblemHttpResult Refused(IReadOnlyList<ValidationError> errors) =>
        Create(StatusCodes.Status422UnprocessableEntity, "The entry was refused", string.Join("; ", errors), errors);

    public static ProblemHttpResult TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"at most {limit} bytes are accepted");

    public static ProblemHttpResult Unavailable(string detail) => Create(StatusCodes.Status503ServiceUnavailable, "Unavailable", detail);

    public static ProblemHttpResult Create(int status, string title, string detail, IReadOnlyList<ValidationError>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is { Count: > 0 })
        {
            extensions["errors"] = errors.Select(e => new FieldError(e.Field, e.Message)).ToList();
        }

        // ASP.NET Core fills in the type of the common statuses; 429 (RFC 6585 §4) and 507 (RFC 4918 §11.5) it leaves out.
        var type = status switch
        {
            StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            StatusCodes.Status507InsufficientStorage => "https://www.rfc-editor.org/rfc/rfc4918#section-11.5",
            _ => null,
        };
        return TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: extensions);
    }
}
