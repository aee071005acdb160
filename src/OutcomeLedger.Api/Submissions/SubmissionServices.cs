namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// How this server takes entries: through the shared queue and the sequencer election when the ledger offers them (a
/// database several servers share), else in-process batches (a SQLite folder, which one process serves).
/// </summary>
internal static class SubmissionServices
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services, ServedLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        services.AddSingleton<SubmissionBacklog>();
        if (ledger.Folder is { SharedQueue: { } queue, SequencerLock: { } sequencerLock })
        {
            services.AddSingleton(queue);
            services.AddSingleton(sequencerLock);
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
