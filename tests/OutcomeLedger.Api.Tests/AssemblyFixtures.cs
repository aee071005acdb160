using OutcomeLedger.Storage.Tests.Postgres;

// One throwaway PostgreSQL cluster for the whole test run, started on first use (by the scale-out test).
[assembly: AssemblyFixture(typeof(PostgresCluster))]
