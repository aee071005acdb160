using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Checks a scorecard against the log it claims to come from: the embedded checkpoint is signed by the log's key,
/// the given entries are exactly the log prefix that checkpoint commits to, every entry the scorecard cites is
/// included at its index with its leaf hash, and evaluating that prefix again gives the same bytes.
/// </summary>
public static class ScorecardVerifier
{
    public static ScorecardCheck Verify(ReadOnlySpan<byte> scorecardJson, NoteVerifier logKey, IReadOnlyList<byte[]> entries) =>
        Verify(scorecardJson, logKey, entries, PlatformBatchSha256.Instance);

    /// <summary>As the overload without it, hashing the entries and the tree in batches with <paramref name="sha256"/>.</summary>
    public static ScorecardCheck Verify(ReadOnlySpan<byte> scorecardJson, NoteVerifier logKey, IReadOnlyList<byte[]> entries, IBatchSha256 sha256)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(sha256);
        Scorecard scorecard;
        try
        {
            scorecard = ScorecardJson.Deserialize(scorecardJson);
        }
        catch (JsonException e)
        {
            return Fail($"not a scorecard: {e.Message}");
        }

        var claimed = scorecard.Checkpoint;
        if (!Checkpoint.TryOpen(Encoding.UTF8.GetBytes(claimed.SignedNote), logKey, null, out var signed, out var noteError))
        {
            return Fail($"checkpoint: the embedded signed note does not verify with the log key {logKey}: {noteError}");
        }

        var checkpoint = signed.Checkpoint;
        if (checkpoint.Origin != claimed.Origin || checkpoint.TreeSize != claimed.Size || checkpoint.RootHash.ToBase64() != claimed.RootHash)
        {
            return Fail("checkpoint: the origin, size or root hash fields differ from the signed note they claim to copy");
        }

        if ((ulong)entries.Count < checkpoint.TreeSize)
        {
            return Fail($"the log given has {entries.Count} entries; the scorecard is at size {checkpoint.TreeSize}");
        }

        // The leaf hashes are independent: one batch for a multi-buffer SHA-256.
        var leafHashes = new Hash[(int)checkpoint.TreeSize];
        Rfc6962.HashLeaves([.. entries.Take(leafHashes.Length).Select(e => (ReadOnlyMemory<byte>)e)], leafHashes, sha256);
        var state = new LedgerState();
        for (var i = 0; i < leafHashes.Length; i++)
        {
            var check = state.CheckLogged(entries[i]);
            if (!check.IsAccepted)
            {
                return Fail($"entry {i}: {check}");
            }

            state.Apply(check.Record!, leafHashes[i]);
        }

        var tree = new MerkleTree(sha256);
        tree.AppendLeafHashes(leafHashes);

        if (tree.Root() != checkpoint.RootHash)
        {
            return Fail($"the log's first {checkpoint.TreeSize} entries give root {tree.Root().ToBase64()}, not the checkpoint's {checkpoint.RootHash.ToBase64()}");
        }

        List<(string Path, ulong Index, string LeafHash)> citations;
        using (var document = JsonDocument.Parse(scorecardJson.ToArray()))
        {
            citations = [.. EntryRefs(document.RootElement, "$")];
        }

        // The tree was built from these entries and its root is the signed one, so its leaf at an index is the log's:
        // an inclusion proof taken from this same tree to this same root could not fail, and none is computed.
        foreach (var (path, index, leafHashHex) in citations)
        {
            if (index >= checkpoint.TreeSize)
            {
                return Fail($"{path}: cites entry {index}, beyond the checkpoint's {checkpoint.TreeSize} entries");
            }

            var leaf = leafHashes[(int)index];
            if (leaf.ToHex() != leafHashHex)
            {
                return Fail($"{path}: entry {index} has leaf hash {leaf.ToHex()} in the log, not {leafHashHex}");
            }
        }

        var cited = citations.Count;

        var agreement = new AgreementId(scorecard.Agreement.Id);
        if (!state.Agreements.ContainsKey(agreement))
        {
            return Fail($"agreement '{agreement}' is not in the log at size {checkpoint.TreeSize}");
        }

        var recomputed = ScorecardJson.Serialize(Evaluator.Evaluate(state, claimed, agreement));
        var same = "identical";
        if (!recomputed.AsSpan().SequenceEqual(scorecardJson))
        {
            // Compared by value: a scorecard saved again by another JSON tool ("M\u00e9xico", 1.5364e-08, other spacing
            // or member order) is the same scorecard, and the first difference named is a real one.
            using var mine = JsonDocument.Parse(recomputed);
            using var theirs = JsonDocument.Parse(scorecardJson.ToArray());
            if (FirstDifference(theirs.RootElement, mine.RootElement, "$") is { } difference)
            {
                return Fail("the scorecard differs from the one the log gives: " + difference);
            }

            same = "equal by value (written differently, as another JSON tool saves it)";
        }

        return new ScorecardCheck(true, $"{same}: recomputed from {checkpoint.TreeSize} entries at checkpoint {checkpoint.RootHash.ToBase64()}; {cited} citations of entries checked for inclusion", cited);
    }

    static ScorecardCheck Fail(string message) => new(false, message);

    /// <summary>Every {"index":…, "leafHash":…} object in the scorecard, with its JSON path.</summary>
    static IEnumerable<(string Path, ulong Index, string LeafHash)> EntryRefs(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("index", out var index) && element.TryGetProperty("leafHash", out var leafHash)
                && index.ValueKind == JsonValueKind.Number && leafHash.ValueKind == JsonValueKind.String && index.TryGetUInt64(out var i))
            {
                yield return (path, i, leafHash.GetString()!);
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in EntryRefs(property.Value, $"{path}.{property.Name}"))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in EntryRefs(item, $"{path}[{i++}]"))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>The JSON path of the first difference and both values there, or null when the values are equal.</summary>
    static string? FirstDifference(JsonElement given, JsonElement expected, string path)
    {
        if (given.ValueKind != expected.ValueKind)
        {
            return $"{path}: the scorecard has {Short(given)}, the log gives {Short(expected)}";
        }

        switch (given.ValueKind)
        {
            case JsonValueKind.Object:
                var names = given.EnumerateObject().Select(p => p.Name).Union(expected.EnumerateObject().Select(p => p.Name)).Order(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    var hasGiven = given.TryGetProperty(name, out var g);
                    var hasExpected = expected.TryGetProperty(name, out var e);
                    if (!hasGiven || !hasExpected)
                    {
                        return $"{path}.{name}: {(hasGiven ? "not in what the log gives" : "missing from the scorecard")}";
                    }

                    if (FirstDifference(g, e, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var a = given.EnumerateArray().ToList();
                var b = expected.EnumerateArray().ToList();
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return a.Count == b.Count ? null : $"{path}: the scorecard has {a.Count} items, the log gives {b.Count}";
            case JsonValueKind.String:
                return string.Equals(given.GetString(), expected.GetString(), StringComparison.Ordinal) ? null : $"{path}: the scorecard has {Short(given)}, the log gives {Short(expected)}";
            case JsonValueKind.Number:
                return JsonNumber.ValueEquals(given.GetRawText(), expected.GetRawText()) ? null : $"{path}: the scorecard has {Short(given)}, the log gives {Short(expected)}";
            default:
                // true, false, null: the kind is the value.
                return null;
        }
    }

    static string Short(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
