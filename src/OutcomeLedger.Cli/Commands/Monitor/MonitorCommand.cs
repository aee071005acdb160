using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Cli.Commands.Log;
using OutcomeLedger.Core.Monitoring;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>
/// <c>outcomes monitor &lt;log-url&gt; --log-key &lt;vkey&gt; --state &lt;folder&gt;</c>: watches a ledger's log from outside
/// (<see cref="LogMonitor"/>): verifies the checkpoint and every tile, that the log extends what it verified before,
/// and every new entry's signature and rules; keeps a verified mirror of the tiles (a folder <c>log verify-tiles</c>
/// accepts) and says in plain words what was added. A fork, rollback, split view against a <c>--peer</c>, bad signature
/// or broken rule is one loud line, the evidence saved under <c>evidence/</c>, and exit 1; nothing unverified is kept.
/// </summary>
internal static class MonitorCommand
{
    const string StateFile = "monitor.json";
    const string MirrorFolder = "tiles";

    public static Command Create()
    {
        var url = new Argument<string>("log-url") { Description = "The log's URL prefix (its checkpoint and tile/ paths are under it)" };
        var logKey = new Option<string>("--log-key") { Description = "The log's verifier key (name+keyid+base64); its name is the origin", Required = true, HelpName = "vkey" };
        var state = new Option<string>("--state") { Description = "The monitor's folder: what it verified, the mirror (tiles/) and any evidence", Required = true, HelpName = "folder" };
        var watch = new Option<int?>("--watch") { Description = "Keep watching, every this many seconds, until stopped or a check fails", HelpName = "seconds" };
        var peers = new Option<string[]>("--peer") { Description = "Another monitor's mirror, a log server or any URL prefix serving the log's checkpoint, to compare with (repeatable)", HelpName = "url" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each HTTP response", DefaultValueFactory = _ => HttpTileReader.DefaultTimeoutSeconds };
        var command = new Command("monitor", "Watch a log: verify every new checkpoint, tile and entry, keep a verified mirror, say what was added")
        {
            url, logKey, state, watch, peers, timeout,
        };
        Examples.Add(command,
            "outcomes monitor https://ledger.example.org --log-key \"$(cat log.vkey)\" --state ./us-mx-monitor",
            "outcomes monitor https://ledger.example.org --log-key \"$(cat log.vkey)\" --state ./m --watch 300 --peer https://other-monitor.example.org/tiles --json");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var keyText = parse.GetRequiredValue(logKey).Trim();
            if (keyText.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal))
            {
                throw CliError.Usage("--log-key is a private key; give the log's verifier key (name+keyid+base64)");
            }

            if (!VerifierKey.TryParse(keyText, out var key, out var keyError) || key.Type != NoteKeyType.Ed25519)
            {
                throw CliError.Usage($"--log-key: {keyError?.Message ?? "a log signs with an Ed25519 key, not a cosignature/v1 key"}");
            }

            if (parse.GetValue(watch) is { } every && every is < 1 or > 86_400)
            {
                throw CliError.Usage("--watch must be 1 to 86400 seconds");
            }

            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 3600)
            {
                throw CliError.Usage("--timeout must be 1 to 3600 seconds");
            }

            if (!HttpTileReader.TryCreate(parse.GetRequiredValue(url), TimeSpan.FromSeconds(seconds), out var log, out var urlError))
            {
                throw CliError.Usage($"log-url: {urlError}");
            }

            var peerReaders = new List<(string Name, HttpTileReader Reader)>();
            foreach (var peer in parse.GetValue(peers) ?? [])
            {
                peerReaders.Add(HttpTileReader.TryCreate(peer, TimeSpan.FromSeconds(seconds), out var reader, out var peerError)
                    ? (peer, reader)
                    : throw CliError.Usage($"--peer {peer}: {peerError}"));
            }

            using (log)
            {
                try
                {
                    var folder = parse.GetRequiredValue(state);
                    while (true)
                    {
                        var failed = await RoundAsync(context, log, key, folder, peerReaders);
                        if (failed || parse.GetValue(watch) is not { } pause)
                        {
                            return failed ? ExitCodes.CheckFailed : ExitCodes.Ok;
                        }

                        await Task.Delay(TimeSpan.FromSeconds(pause), ct);
                    }
                }
                finally
                {
                    foreach (var (_, reader) in peerReaders)
                    {
                        reader.Dispose();
                    }
                }
            }
        });
        return command;
    }

    // One round; true when it failed (reported, evidence saved).
    static async Task<bool> RoundAsync(CommandContext context, HttpTileReader log, VerifierKey key, string folder, List<(string Name, HttpTileReader Reader)> peers)
    {
        Directory.CreateDirectory(folder);
        var mirror = Path.Combine(folder, MirrorFolder);
        var previous = LoadState(Path.Combine(folder, StateFile));
        var fetched = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var fromLog = new HashSet<string>(StringComparer.Ordinal);
        byte[]? Read(string path)
        {
            if (fetched.TryGetValue(path, out var kept))
            {
                return kept;
            }

            // Full tiles never change: read from the mirror once verified there; partial ones and the checkpoint afresh.
            var local = Path.Combine(mirror, path.Replace('/', Path.DirectorySeparatorChar));
            byte[]? bytes;
            if (path != TiledLogVerifier.CheckpointPath && !path.Contains(".p/", StringComparison.Ordinal) && File.Exists(local))
            {
                bytes = File.ReadAllBytes(local);
            }
            else
            {
                bytes = log.Read(path);
                fromLog.Add(path);
            }

            if (bytes is not null)
            {
                fetched[path] = bytes;
            }

            return bytes;
        }

        var peerCheckpoints = peers.Select(p => (p.Name, ReadPeer(p.Reader))).ToList();
        var round = LogMonitor.Check(Read, key, previous, peerCheckpoints, Sha256Choice.FromEnvironment().Hasher);
        if (!round.Succeeded)
        {
            var evidence = SaveEvidence(folder, round, peerCheckpoints);
            if (context.Json)
            {
                context.Output.WriteLine(JsonSerializer.Serialize(new MonitorAlarmJson("alarm", round.Failure.ToString()!, round.Message!, evidence), MonitorJsonContext.Default.MonitorAlarmJson));
            }

            await context.Error.WriteLineAsync($"error: {round.Message} (evidence: {evidence})");
            return true;
        }

        // Only now, all verified: the mirror (checkpoint last, so a reader never finds a checkpoint without its tiles), then the state.
        foreach (var (path, bytes) in fetched.Where(f => f.Key != TiledLogVerifier.CheckpointPath && fromLog.Contains(f.Key)))
        {
            var file = Path.Combine(mirror, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, bytes);
        }

        Replace(Path.Combine(mirror, TiledLogVerifier.CheckpointPath), round.Checkpoint!);
        var next = round.State!;
        Replace(Path.Combine(folder, StateFile), JsonSerializer.SerializeToUtf8Bytes(new MonitorStateJson(next.Origin, next.Size, next.Root.ToBase64()), MonitorJsonContext.Default.MonitorStateJson));
        Report(context, round);
        return false;
    }

    static byte[]? ReadPeer(HttpTileReader peer)
    {
        try
        {
            return peer.Read(TiledLogVerifier.CheckpointPath);
        }
        catch (IOException)
        {
            // A peer that cannot be reached says nothing about the log: it is shown as unverified.
            return null;
        }
    }

    static void Report(CommandContext context, MonitorRound round)
    {
        var text = context.Text;
        var state = round.State!;
        var groups = MonitorGroup.Group(round.NewEntries);
        if (context.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(MonitorVerifiedJson.From(round, groups), MonitorJsonContext.Default.MonitorVerifiedJson));
            return;
        }

        var size = Count(state.Size);
        context.Output.WriteLine(round.PreviousSize switch
        {
            null => TextCatalogue.Fill(text.MonitorFirstLook, ("origin", state.Origin), ("size", size)),
            { } old when old == state.Size => TextCatalogue.Fill(text.MonitorUnchanged, ("origin", state.Origin), ("size", size)),
            { } old => TextCatalogue.Fill(text.MonitorGrew, ("origin", state.Origin), ("old", Count(old)), ("size", size)),
        });

        // A first look at a long log lists only its last runs of entries: the history is in the mirror.
        const int MaxListed = 50;
        foreach (var group in groups.Skip(Math.Max(0, groups.Count - MaxListed)))
        {
            context.Output.WriteLine("  " + group.Describe(text));
        }

        foreach (var peer in round.Peers)
        {
            var template = peer.Verdict switch
            {
                PeerVerdict.Agrees => text.MonitorPeerAgrees,
                PeerVerdict.Ahead => text.MonitorPeerAhead,
                _ => text.MonitorPeerUnverified,
            };
            context.Output.WriteLine(TextCatalogue.Fill(template, ("peer", peer.Peer), ("size", peer.Size is { } s ? Count(s) : "")));
        }
    }

    static string Count(ulong size) => size.ToString(CultureInfo.InvariantCulture);

    // Everything the alarm rests on: the checkpoint the log served, and each peer's, beside a note of what failed.
    static string SaveEvidence(string folder, MonitorRound round, List<(string Name, byte[]? Checkpoint)> peers)
    {
        var evidence = Path.Combine(folder, "evidence", $"{TimeProvider.System.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{round.Failure}");
        Directory.CreateDirectory(evidence);
        File.WriteAllText(Path.Combine(evidence, "alarm.txt"), round.Message + "\n");
        if (round.Checkpoint is not null)
        {
            File.WriteAllBytes(Path.Combine(evidence, "checkpoint"), round.Checkpoint);
        }

        var mirrored = Path.Combine(folder, MirrorFolder, TiledLogVerifier.CheckpointPath);
        if (File.Exists(mirrored))
        {
            File.Copy(mirrored, Path.Combine(evidence, "checkpoint.verified-before"), overwrite: true);
        }

        for (var i = 0; i < peers.Count; i++)
        {
            if (peers[i].Checkpoint is { } bytes)
            {
                File.WriteAllBytes(Path.Combine(evidence, $"peer-{i + 1}.checkpoint"), bytes);
            }
        }

        return evidence;
    }

    static MonitorState? LoadState(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllBytes(path), MonitorJsonContext.Default.MonitorStateJson);
            return stored is { Origin.Length: > 0 } && Hash.TryParseBase64(stored.Root, out var root)
                ? new MonitorState(stored.Origin, stored.Size, root)
                : throw new InvalidDataException($"{path}: not a monitor state (origin, size, root)");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a monitor state ({e.Message})", e);
        }
    }

    static void Replace(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
