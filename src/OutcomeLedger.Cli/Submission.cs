using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Cli;

/// <summary>How the CLI says what became of a logged record.</summary>
internal static class Submission
{
    public static string Describe(SubmitResult result) => result.Status == SubmitStatus.Duplicate
        ? $"already logged at entry {result.Index} (nothing added)"
        : $"logged at entry {result.Index}, checkpoint {result.CheckpointSize}";
}
