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
    public void TryParse_Malformed_NamesTheField(string json, string expected)
    {
        Assert.False(DsseEnvelope.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
