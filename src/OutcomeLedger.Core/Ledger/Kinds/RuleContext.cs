using System.Text.RegularExpressions;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// What a record kind's rules see when checking a record as the next entry of the log: the state before it, the
/// author's registration (none only for the genesis entry), and the list of problems, each naming its field. The
/// shared checks of text, ids, addresses and hashes live here so every kind words them alike.
/// </summary>
public sealed partial class RuleContext
{
    public const int MaxText = 4000;
    public const int MaxShortText = 300;
    public const int MaxItems = 64;

    readonly List<ValidationError> _errors;

    internal RuleContext(LedgerState state, PartyState? author, List<ValidationError> errors, bool recording = true)
    {
        State = state;
        Author = author;
        _errors = errors;
        Recording = recording;
    }

    /// <summary>
    /// True when the record is being recorded now (submitted, imported, written on a form); false when an entry already
    /// in the log is checked again by a replay. A rule added after entries were logged applies only while recording:
    /// the log keeps what earlier versions accepted, and it must still verify.
    /// </summary>
    public bool Recording { get; }

    /// <summary>The state as it stands before this record.</summary>
    public LedgerState State { get; }

    /// <summary>The author's registration; null only while checking the genesis entry.</summary>
    public PartyState? Author { get; }

    /// <summary>The author's registration, for kinds that cannot be the genesis entry.</summary>
    internal PartyState RequiredAuthor => Author ?? throw new InvalidOperationException("only a party record can be the genesis entry");

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Fail(string field, string message) => _errors.Add(new ValidationError(field, message));

    internal void RequireOperator(string what)
    {
        var author = RequiredAuthor;
        if (author.Role != PartyRole.Operator)
        {
            Fail("author", $"only the ledger's operator records {what}; party '{author.Id}' is a {author.Role.ToString().ToLowerInvariant()}");
        }
    }

    internal void RequireMemberOrOperator(AgreementRecord agreement, string what)
    {
        var author = RequiredAuthor;
        if (author.Role != PartyRole.Operator && !agreement.Parties.Contains(author.Id))
        {
            Fail("author", $"party '{author.Id}' is not a party to agreement '{agreement.Id}' and cannot record {what} under it");
        }
    }

    internal Logged<AgreementRecord>? RequireAgreement(string field, AgreementId id)
    {
        if (State.FindAgreement(id) is { } agreement)
        {
            return agreement;
        }

        Fail(field, $"agreement '{id}' does not exist");
        return null;
    }

    internal void RequireParties(string field, IReadOnlyList<PartyId> parties)
    {
        for (var i = 0; i < parties.Count; i++)
        {
            if (State.FindParty(parties[i]) is null)
            {
                Fail($"{field}[{i}]", $"party '{parties[i]}' is not registered");
            }
        }
    }

    internal static byte[]? TryDecodeKey(string text)
    {
        var buffer = new byte[32];
        return text.Length == 44 && Convert.TryFromBase64String(text, buffer, out var written) && written == 32 ? buffer : null;
    }

    internal void Slug(string field, string? value)
    {
        if (value is null || !SlugPattern().IsMatch(value))
        {
            Fail(field, $"'{value}' is not an id: lowercase letters, digits and single hyphens, 1 to 64 characters");
        }
    }

    internal void Text(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "is empty");
        }
        else if (value.Length > max)
        {
            Fail(field, $"is {value.Length} characters; at most {max}");
        }
        else if (value.Any(c => char.IsControl(c) && c != '\n'))
        {
            Fail(field, "holds control characters");
        }
    }

    internal void OptionalText(string field, string? value, int max)
    {
        if (value is not null)
        {
            Text(field, value, max);
        }
    }

    internal void Items<T>(string field, IReadOnlyList<T> items)
    {
        if (items.Count is 0 or > MaxItems)
        {
            Fail(field, $"lists 1 to {MaxItems} items");
        }
        else if (items.Distinct().Count() != items.Count)
        {
            Fail(field, "lists an item twice");
        }
    }

    internal void Url(string field, string value)
    {
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            Fail(field, $"'{Clip(value)}' is not an http(s) address");
        }
        else if (!Recording)
        {
            // Logged before the checks below existed: kept as it was accepted.
        }
        else if (!value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            // Uri reads "https:host" and "https:\\host" as addresses; a browser or a Markdown reader may not read them alike.
            Fail(field, $"'{Clip(value)}' is not an http(s) address: it starts with http:// or https://");
        }
        else if (IndexNotInAnAddress(value) is var at && at >= 0)
        {
            var bad = value[at];
            var what = bad == ' ' ? "a space" : bad is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}' ? $"'{bad}'" : $"the character U+{(int)bad:X4}";
            Fail(field, $"'{Clip(value)}' holds {what}, which an address does not; percent-encode it (a space is %20)");
        }
    }

    /// <summary>
    /// The ASCII characters RFC 3986 excludes from a URI (controls, space, <c>" &lt; &gt; \ ^ ` { | }</c>); with
    /// <see cref="IndexNotInAnAddress"/>, what lets an address read one way and act another, or break out of a Markdown or
    /// HTML link. Other non-ASCII letters are allowed (an IRI such as https://es.wikipedia.org/wiki/México).
    /// </summary>
    static readonly System.Buffers.SearchValues<char> AddressExclusions = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x21).Select(c => (char)c), '\u007f', '"', '<', '>', '\\', '^', '`', '{', '|', '}']);

    /// <summary>The first excluded ASCII character or other space, control or invisible formatting character (U+00A0, U+2028, U+200B, U+202E…), or -1.</summary>
    static int IndexNotInAnAddress(string value)
    {
        var excluded = value.AsSpan().IndexOfAny(AddressExclusions);
        for (var i = 0; i < (excluded < 0 ? value.Length : excluded); i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return i;
            }
        }

        return excluded;
    }

    static string Clip(string value)
    {
        var clipped = value.Length > 80 ? value[..80] + "…" : value;
        // The message may be shown on a terminal or a page: its own controls are not repeated.
        return new string([.. clipped.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c)]);
    }

    internal void Sha256(string field, string value)
    {
        if (!Sha256Pattern().IsMatch(value))
        {
            Fail(field, "is not a SHA-256 in lowercase hex (64 characters)");
        }
    }

    internal void Evidence(IReadOnlyList<string> evidence)
    {
        if (evidence.Count > 16)
        {
            Fail("evidence", "at most 16 evidence files");
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            Sha256($"evidence[{i}]", evidence[i]);
        }
    }

    internal static bool IsLanguageTag(string value) => LanguageTag().IsMatch(value);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
