using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The page shell every dashboard page renders itself in: language, a skip link, navigation with the signed-in party
/// and a language switch, the stylesheet and, on a page that has one, its script (<see cref="DashboardAssets"/>);
/// nothing loads from another origin and nothing is inline.
/// </summary>
public sealed partial class DashboardPage
{
    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>The <see cref="DashboardAssets"/> script the page loads, if any.</summary>
    [Parameter]
    public string? Script { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    TextCatalogue Text => Request.Text;

    /// <summary>The other language, for the switch.</summary>
    TextCatalogue Other => TextCatalogue.All.First(c => c != Text);

    string? Current(DashboardSection section) => Request.Section == section ? "page" : null;
}
