using OutcomeLedger.Api.Features.Entries;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The server-rendered dashboard: agreements with ratings, commitment and indicator pages with SVG charts, evidence
/// downloads, the log with in-browser proof checks, sign-in and the submission forms. Not part of the OpenAPI document.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").WithTags("Dashboard").ExcludeFromDescription();
        pages.MapGet("/", AgreementsPage.GetAsync);
        pages.MapGet("/commitments/{id}", CommitmentPage.GetAsync);
        pages.MapGet("/indicators/{id}", IndicatorPage.GetAsync);
        pages.MapGet("/indicators/{id}/revisions", RevisionsPage.GetAsync);
        pages.MapGet("/evidence/{sha256}", EvidenceDownload.GetAsync);
        pages.MapGet("/charts/{id}.{format}", ChartDownload.GetAsync);
        pages.MapGet("/charts/{id}/revisions.{format}", ChartDownload.GetRevisionsAsync);
        pages.MapGet("/log", LogPage.GetAsync);
        pages.MapGet("/search", SearchPage.GetAsync);
        pages.MapGet("/since", SincePage.GetAsync);
        pages.MapGet("/submit", SubmitPage.GetAsync);
        // Form posts: anti-forgery is checked by each handler, which answers with a page rather than a bare 400.
        pages.MapPost("/sign-in", SubmitPage.SignInAsync).DisableAntiforgery().RequireRateLimiting(EntryEndpoints.WritePolicy);
        pages.MapPost("/sign-out", SubmitPage.SignOutAsync).DisableAntiforgery();
        pages.MapPost("/submit/{kind}", SubmitPage.PostAsync).DisableAntiforgery().RequireRateLimiting(EntryEndpoints.WritePolicy);
        pages.MapGet("/review", ReviewPage.GetAsync);
        pages.MapPost("/review", ReviewPage.PostAsync).DisableAntiforgery().RequireRateLimiting(EntryEndpoints.WritePolicy);
        DashboardAssets.MapAssets(routes);
        return routes;
    }
}
