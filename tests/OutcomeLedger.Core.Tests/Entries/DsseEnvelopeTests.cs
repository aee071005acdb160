using System.Text;
using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Tests.Entries;

public class DsseEnvelopeTests
{
    // The DSSE protocol document's PAE example: PAE("http://example.com/HelloWorld", "hello world").
    [Fact]
    public void PreAuthenticationEncoding_SpecExample_MatchesSpec() =>
        Assert.Equal(
            "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
            Encoding.UTF8.GetString(DsseEnvelope.PreAuthenticationEncoding("http://example.com/HelloWorld", "hello world"u8)));

    [Fact]
    public void ToCanonicalJson_ThenTryParse_RoundTrips()
    {
        var envelope = new DsseEnvelope("application/vnd.outcomeledger.measurement+json", """{"a":1}"""u8.ToArray(), [new DsseSignature("k1", [1, 2, 3])]);

        var json = envelope.ToCanonicalJson();

        Assert.Equal("""{"payload":"eyJhIjoxfQ==","payloadType":"application/vnd.outcomeledger.measurement+json","signatures":[{"keyid":"k1","sig":"AQID"}]}""", Encoding.UTF8.GetString(json));
        Assert.True(DsseEnvelope.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(envelope.Payload, parsed!.Payload);
        Assert.Equal("k1", parsed.Signatures[0].KeyId);
    }

    [Theory]
    [InlineData("""{"payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}]}""", "payload")]
    [InlineData("""{"payload":"eyJhIjoxfQ","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}]}""", "payload")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[]}""", "not signed")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k"}]}""", "signatures[0]")]
    [InlineData("""{"extra":1,"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}]}""", "unknown envelope field 'extra'")]
    [InlineData("""{"payloadType":"t","payload":"eyJhIjoxfQ==","signatures":[{"keyid":"k","sig":"AQID"}]}""", "canonical")]
    [InlineData("""[1]""", "not a JSON object")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"","signatures":[{"keyid":"k","sig":"AQID"}]}""", "payloadType")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":1,"signatures":[{"keyid":"k","sig":"AQID"}]}""", "payloadType: missing")]
    [InlineData("""{"payload":"eyJhIjoxfR==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}]}""", "payload: missing or not standard base64")]
    [InlineData("""{"payload":"eyJhIjox fQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}]}""", "payload: missing or not standard base64")]
    [InlineData("""{"payload":1,"payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}]}""", "payload: missing or not standard base64")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":{}}""", "signatures: missing or not an array")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t"}""", "signatures: missing or not an array")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[1]}""", "signatures[0]")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQJ="}]}""", "signatures[0]")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"},{"keyid":1,"sig":"AQID"}]}""", "signatures[1]")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"},{"extra":2,"keyid":"k","sig":"AQID"}]}""", "signatures[1]")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"},{"keyid":"k","sig":"AQID"},{"keyid":"k","sig":"AQID"},{"keyid":"k","sig":"AQID"},{"keyid":"k","sig":"AQID"}]}""", "more than 4")]
    [InlineData("""{"payload":"eyJhIjoxfQ==","payloadType":"t","signatures":[{"keyid":"k","sig":"AQID"}],"zzz":[]}""", "unknown envelope field 'zzz'")]
    [InlineData("""{"payload":"eyJhIjoxfR==","payloadType":"","signatures":[],"x":1}""", "unknown envelope field 'x'")]
    [InlineData("""{"payload":"eyJhIjoxfR==","payloadType":"","signatures":[]}""", "payloadType")]
    public void TryParse_Malformed_NamesTheField(string json, string expected)
    {
        Assert.False(DsseEnvelope.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>The envelope written directly, for plain text, and through the JSON writer, for anything else, is canonical and reads back.</summary>
    [Theory]
    [InlineData("application/vnd.outcomeledger.measurement+json", "k1")]
    [InlineData("tipo/ñandú+<json>", "k\"ey")]
    [InlineData("t", "back\\slash")]
    [InlineData("t\u0001", "k")]
    public void ToCanonicalJson_AnyText_IsCanonicalAndReadsBack(string payloadType, string keyId)
    {
        var envelope = new DsseEnvelope(payloadType, Enumerable.Range(0, 300).Select(i => (byte)(i % 256)).ToArray(), [new DsseSignature(keyId, new byte[64]), new DsseSignature("second", [9])]);

        var json = envelope.ToCanonicalJson();

        Assert.Equal(CanonicalJson.Canonicalize(json), json);
        Assert.True(DsseEnvelope.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(payloadType, parsed!.PayloadType);
        Assert.Equal(envelope.Payload, parsed.Payload);
        Assert.Equal([keyId, "second"], parsed.Signatures.Select(s => s.KeyId));
        Assert.Equal([.. new byte[64]], parsed.Signatures[0].Signature);
        Assert.Equal([9], parsed.Signatures[1].Signature);
    }
}
