using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Tests.Golden;

namespace OutcomeLedger.Core.Tests.Ledger;

/// <summary>
/// Entries are read and written through compile-time JSON metadata (<see cref="RecordJsonContext"/>), whose reader sets
/// an omitted init-only property to <c>default</c> where reflection leaves its initializer (dotnet/runtime#84484).
/// These tests hold that this changes nothing an entry means: for a record of every kind, the payload itself and the
/// payload with each member removed (at any depth), and with every member removed that can be, are opened by
/// <see cref="EntryCodec.TryOpen"/> exactly as the reflection reader opens them: the same values when it accepts, the
/// same refusal and error when it does not.
/// </summary>
public sealed class GeneratedRecordJsonTests
{
    static readonly JsonSerializerOptions Reflection = RecordJson.CreateOrdered(new DefaultJsonTypeInfoResolver());

    // The general path's options as they were: every record kind read as LedgerRecord by reflection.
    static readonly JsonSerializerOptions ReflectionAnyKind = RecordJson.CreateUnordered(new DefaultJsonTypeInfoResolver());

    public static TheoryData<string> Names() => [.. GoldenRecords.All.Select(g => g.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void TryOpen_PayloadWithMembersOmitted_ReadsAsTheReflectionReaderDoes(string name)
    {
        var record = GoldenRecords.Get(name);
        var payload = EntryCodec.CanonicalPayload(record);
        var variants = new List<(string What, byte[] Payload)> { ("as written", payload) };
        var root = JsonNode.Parse(payload)!;
        foreach (var path in MemberPaths(root, ""))
        {
            var copy = JsonNode.Parse(payload)!;
            Remove(copy, path);
            variants.Add(("without " + path, CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(copy))));
        }

        // Every optional member at once: the members the reflection reader accepts the payload without, one by one.
        var optional = MemberPaths(root, "").Where(path => ReadByReflection(record, Without(payload, path)).Accepted).ToList();
        var bare = JsonNode.Parse(payload)!;
        foreach (var path in optional.OrderByDescending(p => p.Length))
        {
            Remove(bare, path);
        }

        variants.Add(("without every optional member (" + string.Join(", ", optional) + ")", CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(bare))));

        var accepted = 0;
        foreach (var (what, variant) in variants)
        {
            var expected = ReadByReflection(record, variant);
            var leaf = Leaf(record.Kind, variant);

            var opened = EntryCodec.TryOpen(leaf, out _, out var read, out var error);

            Assert.True(expected.Accepted == opened, $"{name} {what}: reflection {(expected.Accepted ? "accepts" : "refuses")} it, the generated reader {(opened ? "accepts" : "refuses: " + error)}");
            if (opened)
            {
                accepted++;
                Assert.Equivalent(expected.Record, read, strict: true);
                Assert.Equal(variant, EntryCodec.CanonicalPayload(read!));
            }
            else
            {
                Assert.Equal(expected.Error, error);
            }
        }

        Assert.True(accepted >= 1, $"{name}: the payload as written must open");
    }

    [Fact]
    public void TryOpen_MeasurementWithoutEvidence_IsRefusedAsBeforeAndNotReadAsNull()
    {
        // The case that made the first attempt at source generation unsafe: evidence has an initializer ([]).
        var record = GoldenRecords.Get("measurement");
        var payload = Without(EntryCodec.CanonicalPayload(record), "evidence");

        Assert.False(EntryCodec.TryOpen(Leaf(record.Kind, payload), out _, out _, out var error));

        Assert.Equal("payload: not in the schema's canonical form", error);
    }

    [Fact]
    public void RecordJsonContext_EveryKind_HasGeneratedMetadataAndOpensWithoutTheGeneralPath()
    {
        foreach (var kind in RecordKinds.All)
        {
            Assert.True(RecordJsonContext.Default.GetTypeInfo(kind.RecordType) is not null, $"{kind.Name}: add {kind.RecordType.Name} to RecordJsonContext");
        }

        foreach (var (name, record) in GoldenRecords.All)
        {
            var envelope = new DsseEnvelope(EntryCodec.PayloadType(record.Kind), EntryCodec.CanonicalPayload(record), []);
            Assert.True(EntryCodec.TryReadKnownKind(envelope, out var read), $"{name}: the generated reader refuses it");
            Assert.Equivalent(record, read, strict: true);
        }
    }

    // The reflection reader as the codec used it before: the known kind read and written back, else the general path.
    static (bool Accepted, LedgerRecord? Record, string Error) ReadByReflection(LedgerRecord like, byte[] payload)
    {
        try
        {
            if (JsonSerializer.Deserialize(payload, like.GetType(), Reflection) is LedgerRecord record
                && record.Schema == LedgerRecord.CurrentSchema
                && JsonSerializer.SerializeToUtf8Bytes(record, like.GetType(), Reflection).AsSpan().SequenceEqual(payload))
            {
                return (true, record, "");
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
        }

        return ReadAnyKindByReflection(EntryCodec.PayloadType(like.Kind), payload);
    }

    // The codec's general path as it was, by reflection: the refusals and errors the generated path must give.
    static (bool Accepted, LedgerRecord? Record, string Error) ReadAnyKindByReflection(string payloadType, byte[] payload)
    {
        LedgerRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<LedgerRecord>(payload, ReflectionAnyKind);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.TrimStart('$', '.') + ": ";
            var cut = e.Message.IndexOf(" Path:", StringComparison.Ordinal);
            return (false, null, "payload: " + path + (cut > 0 ? e.Message[..cut] : e.Message));
        }
        catch (NotSupportedException e)
        {
            return (false, null, "payload: " + e.Message);
        }

        if (record is null)
        {
            return (false, null, "payload: null");
        }

        if (record.Schema != LedgerRecord.CurrentSchema)
        {
            return (false, null, $"schema: version {record.Schema} is not supported (this build reads version {LedgerRecord.CurrentSchema})");
        }

        if (EntryCodec.PayloadType(record.Kind) != payloadType)
        {
            return (false, null, $"payloadType '{payloadType}' does not match the record kind '{record.Kind}'");
        }

        return EntryCodec.CanonicalPayload(record).AsSpan().SequenceEqual(payload) ? (true, record, "") : (false, null, "payload: not in the schema's canonical form");
    }

    public static TheoryData<string> PolicyDocuments() =>
    [
        "{}",
        """{"minPeriodsBefore":24}""",
        """{"countsTowardMet":["verified"],"rollup":"mean","verifiers":["audit-office"]}""",
        """{"countsTowardMet":["verified"],"countsTowardTrend":["verified"],"minVerifiedShare":"0.25","significantChange":"0.2","minPeriodsBefore":3,"minPeriodsAfter":2,"confidenceLevel":"0.9","rollup":"mean"}""",
        """{"minVerifiedShare":0.5}""",
        """{"minPeriodsBefore":null}""",
        """{"countsTowardMet":null}""",
        """{"unknown":1}""",
        "[]",
    ];

    [Theory]
    [MemberData(nameof(PolicyDocuments))]
    public void ReadDocument_PolicyFile_ReadsAsReflectionDidKeepingDefaultsForWhatItLeavesOut(string json)
    {
        var reflection = Outcome(() => JsonSerializer.Deserialize<EvaluationPolicy>(json, ReflectionAnyKind));

        var generated = Outcome(() => RecordJson.ReadDocument(JsonNode.Parse(json), new EvaluationPolicy()));

        if (json.Contains("null", StringComparison.Ordinal))
        {
            // An explicit null is refused by both; the generated reader words it for the constructor parameter
            // (dotnet/runtime#84484's object initializer) where reflection named the property.
            Assert.NotNull(reflection.Error);
            Assert.Contains(json.Split('"')[1], generated.Full ?? "", StringComparison.OrdinalIgnoreCase);
            return;
        }

        Assert.Equal(reflection.Error, generated.Error);
        Assert.Equivalent(reflection.Policy, generated.Policy, strict: true);
        if (json == """{"minPeriodsBefore":24}""")
        {
            Assert.Equal(24, generated.Policy!.MinPeriodsBefore);
            Assert.Equal(6, generated.Policy.MinPeriodsAfter);
            Assert.Equal(new EvaluationPolicy().CountsTowardMet, generated.Policy.CountsTowardMet);
            Assert.Equal(0.5m, generated.Policy.MinVerifiedShare);
        }
    }

    static (EvaluationPolicy? Policy, string? Error, string? Full) Outcome(Func<EvaluationPolicy?> read)
    {
        try
        {
            return (read(), null, null);
        }
        catch (JsonException e)
        {
            var cut = e.Message.IndexOf(" Path:", StringComparison.Ordinal);
            return (null, cut > 0 ? e.Message[..cut] : e.Message, e.Message + " " + e.Path);
        }
    }

    static byte[] Leaf(string kind, byte[] payload)
    {
        using var key = GoldenRecords.Key();
        var type = EntryCodec.PayloadType(kind);
        return new DsseEnvelope(type, payload, [new DsseSignature(key.KeyId, key.Sign(DsseEnvelope.PreAuthenticationEncoding(type, payload)))]).ToCanonicalJson();
    }

    static byte[] Without(byte[] payload, string path)
    {
        var copy = JsonNode.Parse(payload)!;
        Remove(copy, path);
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(copy));
    }

    // Paths of every object member, at any depth (array items by position): "source/url", "quotes/0/text".
    static List<string> MemberPaths(JsonNode node, string prefix)
    {
        var paths = new List<string>();
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var path = prefix + key;
                    paths.Add(path);
                    if (value is not null)
                    {
                        paths.AddRange(MemberPaths(value, path + "/"));
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        paths.AddRange(MemberPaths(item, prefix + i + "/"));
                    }
                }

                break;
        }

        return paths;
    }

    static void Remove(JsonNode root, string path)
    {
        var parts = path.Split('/');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part];
            if (node is null)
            {
                return;
            }
        }

        if (node is JsonObject o)
        {
            o.Remove(parts[^1]);
        }
    }
}
