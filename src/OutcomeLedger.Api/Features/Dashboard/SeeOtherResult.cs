namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>303 See Other: after a form's POST, the browser GETs the next page (RFC 9110 §15.4.4).</summary>
internal sealed class SeeOtherResult(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
