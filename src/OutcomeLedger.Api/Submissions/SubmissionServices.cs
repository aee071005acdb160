using OutcomeLedger.Storage.Postgres;

namespace OutcomeLedger.Api.Submissions;

/// <summary>How this server takes entries: in-process batches for a SQLite ledger; the shared queue and the sequencer election on PostgreSQL.</summary>
internal static class SubmissionServices
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services, ServedLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Folder.Store is PostgresLogStore postgres)
        {
            services.AddSingleton(postgres.Queue());
            // Hosted services stop in reverse order: the waiting submitters are answered before the sequencer stops.
            services.AddHostedService<SequencerElection>();
            services.AddSingleton<QueuedSubmissions>();
            services.AddSingleton<IEntrySubmitter>(provider => provider.GetRequiredService<QueuedSubmissions>());
            services.AddHostedService(provider => provider.GetRequiredService<QueuedSubmissions>());
        }
        else
        {
            services.AddSingleton<EntryBatcher>();
            services.AddSingleton<IEntrySubmitter>(provider => provider.GetRequiredService<EntryBatcher>());
            services.AddHostedService(provider => provider.GetRequiredService<EntryBatcher>());
        }

        return services;
    }
}
