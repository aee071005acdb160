using System.CommandLine;
using System.Globalization;

namespace OutcomeLedger.Cli.Commands.Serve;

/// <summary>
/// The operator's options of the servers (<c>serve</c>, <c>witness serve</c>): metrics, the log format and readiness's
/// checkpoint age. Each also reads an environment variable, so a service manager can set it without a command line.
/// </summary>
internal static class OperationsOptions
{
    public const string MetricsVariable = "OUTCOMES_METRICS";

    public const string LogFormatVariable = "OUTCOMES_LOG_FORMAT";

    public const string MaxCheckpointAgeVariable = "OUTCOMES_MAX_CHECKPOINT_AGE";

    public static Option<bool> Metrics() => new("--metrics")
    {
        Description = $"Serve Prometheus metrics on /metrics (off by default; also ${MetricsVariable}=true)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(MetricsVariable) is { } value
            && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1"),
    };

    public static Option<string> LogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = $"How the server logs to standard error: text lines or JSON lines (also ${LogFormatVariable})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(LogFormatVariable) is { Length: > 0 } value ? value : "text",
            HelpName = "text|json",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not ("text" or "json"))
            {
                result.AddError($"--log-format takes text or json, not '{result.GetValueOrDefault<string>()}'");
            }
        });
        return option;
    }

    public static Option<string?> MaxCheckpointAge() => new("--max-checkpoint-age")
    {
        Description = $"/readyz answers 503 while entries wait and the latest checkpoint is older than this (e.g. 90s, 5m, 1h; also ${MaxCheckpointAgeVariable})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(MaxCheckpointAgeVariable) is { Length: > 0 } value ? value : null,
        HelpName = "duration",
    };

    /// <summary>A duration as <c>90</c> or <c>90s</c>, <c>5m</c>, <c>1h</c>: positive, whole units.</summary>
    public static TimeSpan? ParseDuration(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        var unit = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? char.ToLowerInvariant(trimmed[^1]) : 's';
        var digits = char.IsAsciiLetter(trimmed.Length > 0 ? trimmed[^1] : ' ') ? trimmed[..^1] : trimmed;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > 366L * 24 * 3600
            || unit is not ('s' or 'm' or 'h'))
        {
            throw CliError.Usage($"{option} takes a positive duration such as 90s, 5m or 1h, not '{text}'");
        }

        return unit switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }
}
