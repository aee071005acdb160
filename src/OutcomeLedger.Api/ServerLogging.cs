using Microsoft.Extensions.Logging.Console;

namespace OutcomeLedger.Api;

/// <summary>How a server writes its log lines.</summary>
public enum ServerLogFormat
{
    /// <summary>One line of text an event (without colour when not on a terminal; systemd's format under systemd).</summary>
    Text,

    /// <summary>One JSON object a line (the console's JSON formatter), for log collectors.</summary>
    Json,
}

/// <summary>
/// The logging of both servers (the ledger's and a witness's): everything to standard error, so a command's standard
/// output carries only what the command itself prints; under systemd readiness is notified (Type=notify) and lines
/// carry journal priorities instead of colours. No log line carries a key, a token or a request's headers: requests
/// themselves are not logged, and messages name files and types, never their content.
/// </summary>
public static class ServerLogging
{
    public static void Configure(WebApplicationBuilder builder, ServerLogFormat format)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Before the formatter below: it sets the systemd formatter only when systemd started the process, and a JSON
        // format asked for still wins.
        builder.Services.AddSystemd();
        var logging = builder.Logging;
        logging.ClearProviders();
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        if (format == ServerLogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                json.IncludeScopes = false;
            });
        }
        else
        {
            logging.Services.Configure<SimpleConsoleFormatterOptions>(simple =>
            {
                simple.SingleLine = true;
                simple.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Default;
            });
        }

        // Five log lines a request (start, endpoint, result, end) cost more than serving a tile; warnings and errors stay.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }
}
