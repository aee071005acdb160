using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// Short jobs (the build machine has two shared cores): 3 warm-ups, 5 measured iterations, one process, with the
/// ratio to each class's baseline and the allocations per operation.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        Add(DefaultConfig.Instance);
        // The default job: a job given on the command line (--job, --inProcess) replaces it rather than running beside it.
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(5).WithLaunchCount(1).AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.OperationsPerSecond);
        WithOptions(ConfigOptions.JoinSummary);
        HideColumns(Column.Job, Column.WarmupCount, Column.IterationCount, Column.LaunchCount);
    }
}
