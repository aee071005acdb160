using OutcomeLedger.Storage.Tests.Postgres;

// One throwaway PostgreSQL cluster for the whole test run, started on first use.
[assembly: AssemblyFixture(typeof(PostgresCluster))]
