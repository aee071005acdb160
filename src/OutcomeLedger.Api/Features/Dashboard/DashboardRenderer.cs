using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// Renders a Razor component to HTML on the server (static rendering: no interactivity, no Blazor script), with the
/// request's services, so its text and attributes are escaped by the one HTML encoder registered there.
/// </summary>
internal static class DashboardRenderer
{
    public static async Task<string> RenderAsync<TComponent>(HttpContext context, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
