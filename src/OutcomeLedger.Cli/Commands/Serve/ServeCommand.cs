using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutcomeLedger.Api;

namespace OutcomeLedger.Cli.Commands.Serve;

/// <summary>
/// <c>outcomes serve</c>: the ledger's HTTP API, log tiles, witness endpoint and dashboard. Listens on loopback unless
/// told otherwise; on Ctrl+C or SIGTERM it stops taking entries and finishes the batch in flight.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = "Addresses to listen on (loopback by default; 0.0.0.0 or a public address only on purpose)",
            DefaultValueFactory = _ => [LedgerServerOptions.DefaultUrl],
            AllowMultipleArgumentsPerToken = true,
            HelpName = "url",
        };
        var writes = new Option<int>("--writes-per-minute") { Description = "Writes one client address may make per minute", DefaultValueFactory = _ => 120 };
        var delegated = new Option<string[]>("--delegated-key")
        {
            Description = "A party's signing key the dashboard's forms sign with: <party>=<owner-only key file> (repeatable)",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "party=file",
        };
        var delegatedFolder = new Option<string?>("--delegated-keys") { Description = "A folder of owner-only <party>.key files the dashboard's forms sign with", HelpName = "folder" };
        var isPrivate = new Option<bool>("--private") { Description = "Every read (API, pages, tiles, checkpoint) needs a valid token of any role; reads are public otherwise" };
        var command = new Command("serve", "Serve the ledger over HTTP: JSON API, tlog-tiles, witness, dashboard") { urls, writes, isPrivate, delegated, delegatedFolder };
        Examples.Add(command, "outcomes serve --ledger ./outcomes-demo", "outcomes serve --ledger ./us-mx --urls http://127.0.0.1:8080",
            "outcomes serve --ledger ./outcomes-demo --delegated-keys ./outcomes-demo/keys", "outcomes serve --ledger ./us-mx --private");
        CommandAction.Set(command, async (context, ct) =>
        {
            var delegatedKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in context.Parse.GetValue(delegated) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || equals == pair.Length - 1 || !delegatedKeys.TryAdd(pair[..equals], pair[(equals + 1)..]))
                {
                    throw CliError.Usage($"--delegated-key takes <party>=<key file> once per party, not '{pair}'");
                }
            }

            var options = new LedgerServerOptions
            {
                DelegatedKeys = delegatedKeys,
                DelegatedKeyFolder = context.Parse.GetValue(delegatedFolder),
                Ledger = context.LedgerLocation,
                Urls = context.Parse.GetRequiredValue(urls),
                WritesPerMinute = context.Parse.GetValue(writes),
                Private = context.Parse.GetValue(isPrivate),
            };
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = await LedgerServer.BuildAsync(options, ct);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException or InvalidDataException)
            {
                // Key file problems name the file, never its content.
                throw CliError.Environment(e.Message);
            }

            await using (app)
            {
                await app.StartAsync(ct);
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                var served = app.Services.GetRequiredService<ServedLedger>();
                await context.Output.WriteLineAsync($"Serving {served.Origin} on {string.Join(", ", addresses)} (Ctrl+C to stop)");
                await context.Output.WriteLineAsync($"sha256: {served.Sha256.Description}");
                await app.WaitForShutdownAsync(ct);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
