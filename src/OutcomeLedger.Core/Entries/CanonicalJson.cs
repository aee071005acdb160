using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutcomeLedger.Core.Entries;

/// <summary>RFC 8785 JSON Canonicalization Scheme: sorted keys, no white space, ES6 number and string forms.</summary>
public static class CanonicalJson
{
    /// <summary>Nesting bound for untrusted input.</summary>
    public const int MaxDepth = 32;

    /// <summary>Canonicalises JSON text; throws <see cref="JsonException"/> for input that is not I-JSON (RFC 7493).</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.BytesConsumed != json.Length && !IsWhiteSpace(json[(int)reader.BytesConsumed..]))
        {
            throw new JsonException("text follows the JSON value");
        }

        return Canonicalize(document.RootElement);
    }

    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        try
        {
            Write(element, buffer);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses to decode lone surrogates into a string.
            throw new JsonException("a string cannot be decoded: " + e.Message, e);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>True when <paramref name="json"/> is already in canonical form (so a signature over it is unambiguous).</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> json)
    {
        try
        {
            return Canonicalize(json).AsSpan().SequenceEqual(json);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static bool IsWhiteSpace(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    static void Write(JsonElement element, ArrayBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names; duplicates are not I-JSON.
                var members = element.EnumerateObject().Select(p => (p.Name, p.Value)).ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                Append(output, "{");
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (members[i].Name == members[i - 1].Name)
                        {
                            throw new JsonException($"duplicate member name '{members[i].Name}'");
                        }

                        Append(output, ",");
                    }

                    WriteString(members[i].Name, output);
                    Append(output, ":");
                    Write(members[i].Value, output);
                }

                Append(output, "}");
                break;
            case JsonValueKind.Array:
                Append(output, "[");
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        Append(output, ",");
                    }

                    first = false;
                    Write(item, output);
                }

                Append(output, "]");
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                Append(output, FormatNumber(element.GetDouble()));
                break;
            case JsonValueKind.True:
                Append(output, "true");
                break;
            case JsonValueKind.False:
                Append(output, "false");
                break;
            case JsonValueKind.Null:
                Append(output, "null");
                break;
            default:
                throw new JsonException($"unexpected JSON value kind {element.ValueKind}");
        }
    }

    static void Append(ArrayBufferWriter<byte> output, string ascii)
    {
        var span = output.GetSpan(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        output.Advance(ascii.Length);
    }

    // RFC 8785 §3.2.2.2: only '"', '\\' and control characters are escaped; \b \t \n \f \r by name, others as \u00xx.
    static void WriteString(string value, ArrayBufferWriter<byte> output)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
        // Lone surrogates cannot be encoded as UTF-8: refuse them rather than substitute.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            var bytes = encoding.GetBytes(text.ToString());
            output.Write(bytes);
        }
        catch (EncoderFallbackException)
        {
            throw new JsonException("a string holds a lone surrogate");
        }
    }

    /// <summary>The ECMAScript Number::toString form of a double (RFC 8785 §3.2.2.3).</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException("NaN and Infinity are not JSON numbers");
        }

        if (value == 0)
        {
            return "0";
        }

        // .NET's "R" gives the shortest round-trip digits; re-lay them out by the ECMAScript rules.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, n) = Decompose(shortest);
        var k = digits.Length;
        var result = new StringBuilder();
        if (value < 0)
        {
            result.Append('-');
        }

        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exponent = n - 1;
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }

            result.Append('e').Append(exponent >= 0 ? "+" : "-").Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }

    // Splits "1.2345E-07" or "123.45" into significant digits and n, where value = 0.digits × 10^n.
    static (string Digits, int N) Decompose(string shortest)
    {
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        var mantissa = shortest;
        if (e >= 0)
        {
            exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = shortest[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fraction = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = integerPart + fraction;
        var n = integerPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        n -= leading;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, n);
    }
}
