using System.Runtime.InteropServices;

namespace OutcomeLedger.Benchmarks.Ingest;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): unlike wall time it does not count
/// the time other processes on a shared machine hold the core, so per-stage costs stay comparable under load.
/// </summary>
static partial class ThreadCpu
{
    const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now() =>
        ClockGetTime(ClockThreadCpuTimeId, out var time) == 0
            ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
            : throw new PlatformNotSupportedException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
