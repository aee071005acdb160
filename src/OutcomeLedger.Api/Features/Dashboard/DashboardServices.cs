using System.Text.Encodings.Web;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>What the dashboard's pages need from the container.</summary>
internal static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardSession>();
        services.AddSingleton(DashboardAssets.Load());
        // The one HTML encoder (Core's), for everything in ASP.NET Core that asks the container for one.
        services.AddSingleton<HtmlEncoder>(HtmlEncoding.Encoder);
        return services;
    }
}
