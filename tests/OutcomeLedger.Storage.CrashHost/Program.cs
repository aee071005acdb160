using System.Globalization;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Storage.CrashHost;

/// <summary>
/// The child process of the crash tests: opens a ledger folder and logs the entries of a <see cref="RandomHistory"/>
/// in random batches until the log holds <c>entries</c> of them. It prints <c>ack &lt;index&gt; &lt;leaf hash&gt;</c>
/// for each entry and <c>checkpoint &lt;size&gt; &lt;root&gt;</c> for each batch only after the batch committed, so
/// every line the test reads is a promise the ledger must keep after a SIGKILL. On restart it resubmits the last
/// <c>max batch</c> entries, which hold every entry it may have logged without acknowledging (a kill can land while a
/// batch's acknowledgements are being printed): those must come back as duplicates at their original index.
/// <para>With <c>tokens &lt;ledger folder&gt; &lt;id prefix&gt; &lt;count&gt;</c> it is instead one of several processes
/// that change a folder's token file at once: it creates <c>count</c> tokens concurrently, then revokes every other one,
/// and prints <c>done</c>.</para>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["tokens", var tokenFolder, var prefix, var count])
        {
            await ChurnTokensAsync(tokenFolder, prefix, int.Parse(count, CultureInfo.InvariantCulture));
            return 0;
        }

        if (args.Length != 4)
        {
            await Console.Error.WriteLineAsync("usage: crash-host <ledger folder> <seed> <entries> <max batch>");
            return 2;
        }

        var folder = args[0];
        var seed = int.Parse(args[1], CultureInfo.InvariantCulture);
        var entries = int.Parse(args[2], CultureInfo.InvariantCulture);
        var maxBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
        await using var ledger = await LedgerFolder.OpenAsync(folder, CancellationToken.None);

        // The history dates its entries a second apart from its start: the log's clock follows the log's size.
        Sequencer? opened = null;
        ledger.Clock = new FollowingClock(() => RandomHistory.Start.AddSeconds(opened?.Size ?? 0));
        using var sequencer = opened = await ledger.OpenSequencerAsync(CancellationToken.None);
        using var history = new RandomHistory(seed);
        var size = (int)sequencer.Size;
        var position = Math.Max(0, size - maxBatch);
        for (var i = 0; i < position; i++)
        {
            history.Next();
        }

        var random = new Random(seed ^ size);
        var output = Console.Out;
        while (position < entries)
        {
            var batch = history.Take(Math.Min(entries - position, random.Next(1, maxBatch + 1)));
            var results = await sequencer.SubmitAsync(batch, CancellationToken.None);
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                if (!result.IsLogged || result.Index != (ulong)(position + i))
                {
                    await Console.Error.WriteLineAsync($"entry {position + i} came back {result.Status} at {result.Index}: {string.Join("; ", result.Errors)}");
                    return 1;
                }

                await output.WriteLineAsync($"ack {result.Index} {result.LeafHash}");
            }

            var latest = sequencer.Latest!;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"checkpoint {latest.Size} {latest.Root}"));
            await output.FlushAsync();
            position += batch.Count;
        }

        await output.WriteLineAsync("done");
        return 0;
    }

    static async Task ChurnTokensAsync(string folder, string prefix, int count)
    {
        var tokens = TokenFile.InFolder(folder);
        var ids = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}")).ToList();
        await Task.WhenAll(ids.Select(id => Task.Run(() => tokens.AddAsync(
            new AccessToken(id, new PartyId("us"), AccessRole.Party, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))), RandomHistory.Start),
            CancellationToken.None))));
        await Task.WhenAll(ids.Where((_, i) => i % 2 == 0).Select(id => Task.Run(async () =>
        {
            if (!await tokens.RevokeAsync(id, RandomHistory.Start, CancellationToken.None))
            {
                throw new InvalidOperationException($"token {id} was created but is gone");
            }
        })));
        Console.WriteLine("done");
    }
}
