namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>The dashboard's test classes share one demo ledger and server (building the demo takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class DemoDashboardCollection : ICollectionFixture<DemoDashboard>
{
    public const string Name = "demo dashboard";
}
