using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

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

    /// <summary>
    /// True when <paramref name="json"/> is already in canonical form (so a signature over it is unambiguous): the same
    /// answer as comparing it with <see cref="Canonicalize(ReadOnlySpan{byte})"/>, found in one pass without building
    /// a document, by comparing each token with its canonical form where it stands in the text.
    /// </summary>
    public static bool IsCanonical(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        Span<bool> hasElement = stackalloc bool[MaxDepth + 2];
        // The previous name at each depth: where its text stands when it is plain ASCII (the common case, compared as
        // bytes, which order ASCII as UTF-16 does), otherwise decoded. Start -1: no name yet at that depth.
        Span<int> lastStart = stackalloc int[MaxDepth + 2];
        Span<int> lastLength = stackalloc int[MaxDepth + 2];
        string?[]? lastDecoded = null;
        var depth = 0;
        var position = 0;
        var afterName = false;
        ArrayBufferWriter<byte>? scratch = null;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    if (!Expect(json, ref position, token == JsonTokenType.EndObject ? (byte)'}' : (byte)']'))
                    {
                        return false;
                    }

                    depth--;
                    continue;
                }

                // Every other token starts a member or a value: ':' after a name, ',' between elements, nothing first.
                if (afterName)
                {
                    if (!Expect(json, ref position, (byte)':'))
                    {
                        return false;
                    }

                    afterName = false;
                }
                else if (depth > 0)
                {
                    if (hasElement[depth] && !Expect(json, ref position, (byte)','))
                    {
                        return false;
                    }

                    hasElement[depth] = true;
                }

                switch (token)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (!Expect(json, ref position, token == JsonTokenType.StartObject ? (byte)'{' : (byte)'['))
                        {
                            return false;
                        }

                        depth++;
                        hasElement[depth] = false;
                        lastStart[depth] = -1;
                        break;
                    case JsonTokenType.PropertyName:
                        // RFC 8785 §3.2.3: names in increasing UTF-16 order; an equal name is a duplicate.
                        var plain = !reader.ValueIsEscaped && Ascii.IsValid(reader.ValueSpan);
                        var previousPlain = lastStart[depth] >= 0;
                        if (plain && previousPlain)
                        {
                            if (json.Slice(lastStart[depth], lastLength[depth]).SequenceCompareTo(reader.ValueSpan) >= 0)
                            {
                                return false;
                            }
                        }
                        else
                        {
                            lastDecoded ??= new string?[MaxDepth + 2];
                            var previous = lastStart[depth] switch
                            {
                                -1 => null,
                                -2 => lastDecoded[depth],
                                var start => Encoding.ASCII.GetString(json.Slice(start, lastLength[depth])),
                            };
                            var name = reader.GetString()!;
                            if (previous is not null && string.CompareOrdinal(previous, name) >= 0)
                            {
                                return false;
                            }

                            lastDecoded[depth] = name;
                        }

                        // The reader stands on the name's closing quote's start: its text is the value span just before it.
                        lastStart[depth] = plain ? (int)reader.TokenStartIndex + 1 : -2;
                        lastLength[depth] = reader.ValueSpan.Length;
                        if (!ExpectString(json, ref position, ref reader, ref scratch))
                        {
                            return false;
                        }

                        afterName = true;
                        break;
                    case JsonTokenType.String:
                        if (!ExpectString(json, ref position, ref reader, ref scratch))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.Number:
                        if (!ExpectNumber(json, ref position, reader.ValueSpan, ref scratch))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.True:
                        if (!Expect(json, ref position, "true"u8))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.False:
                        if (!Expect(json, ref position, "false"u8))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.Null:
                        if (!Expect(json, ref position, "null"u8))
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return position == json.Length;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A string that cannot be decoded (a lone surrogate escape) has no canonical form.
            return false;
        }
    }

    static bool Expect(ReadOnlySpan<byte> json, ref int position, byte expected)
    {
        if (position >= json.Length || json[position] != expected)
        {
            return false;
        }

        position++;
        return true;
    }

    static bool Expect(ReadOnlySpan<byte> json, ref int position, ReadOnlySpan<byte> expected)
    {
        if (!json[position..].StartsWith(expected))
        {
            return false;
        }

        position += expected.Length;
        return true;
    }

    static bool ExpectString(ReadOnlySpan<byte> json, ref int position, ref Utf8JsonReader reader, ref ArrayBufferWriter<byte>? scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            // Unescaped text holds no quote, backslash or control character, so it is its own canonical form if it is UTF-8.
            var value = reader.ValueSpan;
            if (!Utf8.IsValid(value))
            {
                return false;
            }

            return Expect(json, ref position, (byte)'"') && Expect(json, ref position, value) && Expect(json, ref position, (byte)'"');
        }

        scratch ??= new ArrayBufferWriter<byte>(64);
        scratch.ResetWrittenCount();
        try
        {
            WriteString(reader.GetString()!, scratch);
        }
        catch (JsonException)
        {
            return false;
        }

        return Expect(json, ref position, scratch.WrittenSpan);
    }

    static bool ExpectNumber(ReadOnlySpan<byte> json, ref int position, ReadOnlySpan<byte> raw, ref ArrayBufferWriter<byte>? scratch)
    {
        if (IsShortInteger(raw))
        {
            return Expect(json, ref position, raw);
        }

        if (!Utf8Parser.TryParse(raw, out double value, out var consumed) || consumed != raw.Length || !double.IsFinite(value))
        {
            return false;
        }

        scratch ??= new ArrayBufferWriter<byte>(64);
        scratch.ResetWrittenCount();
        Append(scratch, FormatNumber(value));
        return Expect(json, ref position, scratch.WrittenSpan);
    }

    // An integer of at most 15 digits, without leading zero or "-0": a double holds it exactly and ECMAScript
    // prints it digit for digit, so it is its own canonical form.
    static bool IsShortInteger(ReadOnlySpan<byte> raw)
    {
        var digits = raw.Length > 0 && raw[0] == '-' ? raw[1..] : raw;
        if (digits.Length is 0 or > 15 || (digits[0] == '0' && (digits.Length > 1 || raw.Length > 1)))
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
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
                var members = new List<JsonProperty>();
                foreach (var member in element.EnumerateObject())
                {
                    members.Add(member);
                }

                var names = new string[members.Count];
                var order = new int[members.Count];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = members[i].Name;
                    order[i] = i;
                }

                Array.Sort(names, order, StringComparer.Ordinal);
                output.Write("{"u8);
                for (var i = 0; i < names.Length; i++)
                {
                    if (i > 0)
                    {
                        if (names[i] == names[i - 1])
                        {
                            throw new JsonException($"duplicate member name '{names[i]}'");
                        }

                        output.Write(","u8);
                    }

                    var property = members[order[i]];
                    if (!TryWriteRaw(JsonMarshal.GetRawUtf8PropertyName(property), output))
                    {
                        WriteString(names[i], output);
                    }

                    output.Write(":"u8);
                    Write(property.Value, output);
                }

                output.Write("}"u8);
                break;
            case JsonValueKind.Array:
                output.Write("["u8);
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    first = false;
                    Write(item, output);
                }

                output.Write("]"u8);
                break;
            case JsonValueKind.String:
                if (!TryWriteRaw(JsonMarshal.GetRawUtf8Value(element)[1..^1], output))
                {
                    WriteString(element.GetString()!, output);
                }

                break;
            case JsonValueKind.Number:
                var number = JsonMarshal.GetRawUtf8Value(element);
                if (IsShortInteger(number))
                {
                    output.Write(number);
                }
                else
                {
                    Append(output, FormatNumber(element.GetDouble()));
                }

                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                output.Write("null"u8);
                break;
            default:
                throw new JsonException($"unexpected JSON value kind {element.ValueKind}");
        }
    }

    // Text without escapes is already canonical once checked to be UTF-8; escaped text is decoded and written anew.
    static bool TryWriteRaw(ReadOnlySpan<byte> raw, ArrayBufferWriter<byte> output)
    {
        if (raw.Contains((byte)'\\'))
        {
            return false;
        }

        if (!Utf8.IsValid(raw))
        {
            throw new JsonException("a string is not UTF-8");
        }

        output.Write("\""u8);
        output.Write(raw);
        output.Write("\""u8);
        return true;
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
        output.Write("\""u8);
        var text = value.AsSpan();
        while (!text.IsEmpty)
        {
            var plain = 0;
            while (plain < text.Length && text[plain] is >= ' ' and not '"' and not '\\')
            {
                plain++;
            }

            if (plain > 0)
            {
                // Lone surrogates cannot be encoded as UTF-8: refuse them rather than substitute.
                var span = output.GetSpan(plain * 3);
                if (Utf8.FromUtf16(text[..plain], span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    throw new JsonException("a string holds a lone surrogate");
                }

                output.Advance(written);
                text = text[plain..];
                continue;
            }

            var c = text[0];
            text = text[1..];
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\t': output.Write("\\t"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\r': output.Write("\\r"u8); break;
                default:
                    Append(output, "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
            }
        }

        output.Write("\""u8);
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
