namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>The part of the dashboard a page belongs to, marked as current in the navigation.</summary>
public enum DashboardSection
{
    Agreements,
    Log,
    Since,
    Submit,
    Review,
}
