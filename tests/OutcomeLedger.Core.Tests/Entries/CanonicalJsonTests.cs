using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Tests.Entries;

public class CanonicalJsonTests
{
    static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));

    // RFC 8785 §3.2.2 example, as published with the reference implementations' test data.
    [Fact]
    public void Canonicalize_Rfc8785ValuesExample_MatchesPublishedOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""", Canonical(input));
    }

    // RFC 8785 §3.2.3: sorting by UTF-16 code units.
    [Fact]
    public void Canonicalize_Rfc8785SortingExample_SortsByUtf16CodeUnits()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var keys = JsonDocument.Parse(Canonical(input)).RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();

        Assert.Equal(["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"], keys);
    }

    // RFC 8785 Appendix B and the reference test file's sample lines.
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("4340000000000001", "9007199254740994")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    public void FormatNumber_PublishedSamples_MatchEcmaScript(string ieeeHex, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(expected, CanonicalJson.FormatNumber(value));
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1} x""")]
    [InlineData("""[1,2""")]
    [InlineData("\"\\ud800\"")]
    public void Canonicalize_NotIJson_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => Canonical(json));

    [Fact]
    public void IsCanonical_DistinguishesCanonicalText()
    {
        Assert.True(CanonicalJson.IsCanonical("""{"a":[1,"x"],"b":true}"""u8));
        Assert.False(CanonicalJson.IsCanonical("""{"b":true,"a":[1,"x"]}"""u8));
        Assert.False(CanonicalJson.IsCanonical("""{"a": 1}"""u8));
        Assert.False(CanonicalJson.IsCanonical("""{"a":1.0}"""u8));
        Assert.False(CanonicalJson.IsCanonical("""{"a":"\u0041"}"""u8));
    }

    /// <summary>Names compared as ASCII bytes, as decoded text, and one of each; a name remembered at one depth is forgotten when its object ends.</summary>
    [Theory]
    [InlineData("""{"a":{"é":1},"b":{"a":2}}""", true)]
    [InlineData("""{"a":{"é":1,"f":2}}""", false)]
    [InlineData("""{"a":1,"é":2}""", true)]
    [InlineData("""{"é":1,"a":2}""", false)]
    [InlineData("""{"é":1,"é":2}""", false)]
    [InlineData("""{"\u0001":1,"a":2}""", true)]
    [InlineData("""{"a":2,"\u0001":1}""", false)]
    [InlineData("""{"ab":1,"b":2}""", true)]
    [InlineData("""{"b":1,"ab":2}""", false)]
    [InlineData("""{"a":1,"a":2}""", false)]
    [InlineData("""{"a":1,"ab":2}""", true)]
    [InlineData("""{"ab":1,"a":2}""", false)]
    [InlineData("""[{"b":1},{"a":1}]""", true)]
    [InlineData("""{"\ud83d\ude00":1,"\uffff":2}""", false)]
    [InlineData("{\"\uffff\":1,\"\ud83d\ude00\":2}", false)]
    [InlineData("{\"\ud83d\ude00\":1,\"\uffff\":2}", true)]
    public void IsCanonical_NameOrder_IsUtf16Order(string json, bool expected) =>
        Assert.Equal(expected, CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes(json)));

    // IsCanonical checks in one pass; by definition it must agree with canonicalising and comparing. Seeded random
    // texts, written in canonical and in many non-canonical ways (spacing, member order, duplicates, escapes, number
    // forms, non-ASCII names that sort differently in UTF-16 and UTF-8), and their canonical forms.
    [Fact]
    public void IsCanonical_RandomTexts_AgreesWithCanonicalizeAndCompare()
    {
        var random = new Random(8785);
        var canonicalSeen = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = Encoding.UTF8.GetBytes(RandomJson(random, depth: 0));
            bool expected;
            byte[]? canonical = null;
            try
            {
                canonical = CanonicalJson.Canonicalize(text);
                expected = canonical.AsSpan().SequenceEqual(text);
            }
            catch (JsonException)
            {
                expected = false;
            }

            Assert.True(expected == CanonicalJson.IsCanonical(text), $"IsCanonical should be {expected} for {Encoding.UTF8.GetString(text)}");
            if (canonical is not null)
            {
                Assert.True(CanonicalJson.IsCanonical(canonical), Encoding.UTF8.GetString(canonical));
                Assert.Equal(canonical, CanonicalJson.Canonicalize(canonical));
                canonicalSeen += expected ? 1 : 0;
            }
        }

        Assert.InRange(canonicalSeen, 200, 3800);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("[1,2]x")]
    [InlineData("[1,2] ")]
    [InlineData("-0")]
    [InlineData("1e400")]
    [InlineData("01")]
    [InlineData("1234567890123456789")]
    [InlineData("{\"\\u00e9\":1}")]
    public void IsCanonical_EdgeCases_False(string json) =>
        Assert.False(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void IsCanonical_InvalidUtf8InAString_False() =>
        Assert.False(CanonicalJson.IsCanonical([(byte)'"', 0xC3, 0x28, (byte)'"']));

    static readonly string[] Names = ["a", "b", "ab", "B", "\u00e9", "\u20ac", "\ud83d\ude00", "\ufb33", "\r", "1", "a b"];
    static readonly string[] Characters = ["a", "\"", "\\", "\n", "\u0001", "\u00e9", "\u20ac", "\ud83d\ude00", "\u2028", "/", "\u007f", "\t"];
    static readonly string[] Numbers = ["0", "-0", "1", "-7", "10", "1.0", "1e2", "1E+2", "0.5", "5e-1", "123456789012345", "1234567890123456",
        "9007199254740993", "1e400", "-1.5", "100000000000000000000000", "1e+21", "1e21", "0.000001", "1e-7", "1e-7", "333333333.3333333"];

    static string RandomJson(Random random, int depth)
    {
        var space = random.Next(12) == 0 ? " " : "";
        switch (depth > 3 ? random.Next(3, 7) : random.Next(7))
        {
            case 0:
            case 1:
                var names = Enumerable.Range(0, random.Next(4)).Select(_ => Names[random.Next(Names.Length)]).ToList();
                if (random.Next(2) == 0)
                {
                    names = [.. names.Distinct().OrderBy(n => n, StringComparer.Ordinal)];
                }

                return "{" + space + string.Join(",", names.Select(n => RandomString(random, n) + ":" + space + RandomJson(random, depth + 1))) + "}";
            case 2:
                return "[" + string.Join("," + space, Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))) + "]";
            case 3:
                return RandomString(random, string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => Characters[random.Next(Characters.Length)])));
            case 4:
                return Numbers[random.Next(Numbers.Length)];
            case 5:
                return random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" } + space;
            default:
                return random.Next(2).ToString(CultureInfo.InvariantCulture);
        }
    }

    // Writes text as a JSON string: each character as RFC 8785 would, or escaped another legal way.
    static string RandomString(Random random, string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            var escape = random.Next(6) == 0;
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => escape ? "\\u000a" : "\\n",
                '\t' => escape ? "\\u0009" : "\\t",
                '\r' => "\\r",
                < ' ' => "\\u" + ((int)c).ToString(escape ? "X4" : "x4", CultureInfo.InvariantCulture),
                '/' when escape => "\\/",
                _ when escape => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    // An independent implementation: ECMAScript's own Number serialisation in Node.js, on seeded random doubles.
    [Fact]
    public void FormatNumber_RandomDoubles_MatchNodeJs()
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            Assert.Skip("node is not installed; the fixed samples above still run");
        }

        var random = new Random(8785);
        var values = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var bits = random.NextInt64() ^ ((long)random.Next() << 32);
            var value = BitConverter.Int64BitsToDouble(bits);
            if (double.IsFinite(value))
            {
                values.Add(value);
            }

            values.Add(Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-8, 25)), random.Next(0, 6)));
        }

        var hex = string.Join(",", values.Select(v => "\"" + BitConverter.DoubleToInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture) + "\""));
        var script = "const h=[" + hex + "];const b=Buffer.alloc(8);for(const x of h){b.writeBigUInt64BE(BigInt('0x'+x));console.log(JSON.stringify(b.readDoubleBE(0)));}";
        var start = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();

        Assert.Equal(values.Count, lines.Length);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.Equal(lines[i], CanonicalJson.FormatNumber(values[i]));
        }
    }

    static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
