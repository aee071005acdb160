using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class StatementRecordKindTests : IDisposable
{
    readonly RuleLedger _ledger = new();

    static readonly PartyId UsId = LedgerFixture.UsId;
    static readonly PartyId MxId = LedgerFixture.MxId;
    static readonly string Hash = new('a', 64);

    /// <summary>'us' records its own press release, archived (with its SHA-256) and quoted once.</summary>
    internal static RuleTable<StatementRecord> Rules { get; } = new RuleTable<StatementRecord>(
        "statement",
        new StatementRecord
        {
            Author = UsId,
            RecordedAt = LedgerFixture.At,
            Id = new("us-press-release-2026-01-20"),
            Date = new DateOnly(2026, 1, 20),
            Title = "Press release",
            Speaker = "Spokesperson",
            Parties = [UsId],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = "https://www.state.gov/press-release",
            SourceSha256 = Hash,
            Quotes = [new Quote("we will publish the figures monthly", "en")],
        },
        Us)
    {
        { "recorded by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao },
        { "recorded by the operator", r => r with { Author = LedgerFixture.OperatorId }, Operator },
        { "another party's statement", r => r with { Parties = [MxId] }, Us },
        { "no speaker, no hash, no quotes", r => r with { Speaker = null, SourceSha256 = null, Quotes = [] }, Us },
        { "an http address", r => r with { SourceUrl = "http://www.gob.mx/comunicado" }, Us },
        { "an address with a query, a fragment and a percent-encoded space", r => r with { SourceUrl = "https://www.gob.mx/busqueda?q=fentanilo%20incautado&p=2#resultados" }, Us },
        { "an internationalised address", r => r with { SourceUrl = "https://es.wikipedia.org/wiki/México" }, Us },
        { "an address with the scheme in capitals", r => r with { SourceUrl = "HTTPS://www.state.gov/press-release" }, Us },
        { "quotes in es-MX and fr", r => r with { Quotes = [new Quote("cifras verificables", "es-MX"), new Quote("des chiffres vérifiables", "fr")] }, Us },
        { "twenty quotes", r => r with { Quotes = Quotes(20) }, Us },
        { "a quote of 4000 characters over lines", r => r with { Quotes = [new Quote(new string('q', 3000) + "\n" + new string('q', 999), "en")] }, Us },
        { "id with a space", r => r with { Id = new("press release") }, Us, "id", "'press release' is not an id" },
        { "id already used", r => r with { Id = new("joint-statement-2026-01-15") }, Us, "id", "statement 'joint-statement-2026-01-15' already exists" },
        { "title empty", r => r with { Title = "" }, Us, "title", "is empty" },
        { "title of 301 characters", r => r with { Title = new string('t', 301) }, Us, "title", "is 301 characters; at most 300" },
        { "title with a NUL", r => r with { Title = "Press\0release" }, Us, "title", "holds control characters" },
        { "speaker empty", r => r with { Speaker = "" }, Us, "speaker", "is empty" },
        { "speaker of 301 characters", r => r with { Speaker = new string('s', 301) }, Us, "speaker", "is 301 characters; at most 300" },
        { "speaker with an escape", r => r with { Speaker = "Spokes\u001bperson" }, Us, "speaker", "holds control characters" },
        { "no parties", r => r with { Parties = [] }, Us, "parties", "lists 1 to 64 items" },
        { "a party listed twice", r => r with { Parties = [UsId, UsId] }, Us, "parties", "lists an item twice" },
        { "a party not registered", r => r with { Parties = [UsId, MxId, new("ca")] }, Us, "parties[2]", "party 'ca' is not registered" },
        { "address without a scheme", r => r with { SourceUrl = "www.state.gov/press-release" }, Us, "sourceUrl", "is not an http(s) address" },
        { "address relative", r => r with { SourceUrl = "/press-release" }, Us, "sourceUrl", "is not an http(s) address" },
        { "address by ftp", r => r with { SourceUrl = "ftp://www.state.gov/press-release" }, Us, "sourceUrl", "is not an http(s) address" },
        { "address of 2001 characters", r => r with { SourceUrl = "https://www.state.gov/" + new string('p', 1979) }, Us, "sourceUrl", "…' is not an http(s) address" },
        { "address with spaces and a note", r => r with { SourceUrl = "https://www.state.gov/ (exact URL not in stored copy)" }, Us, "sourceUrl", "holds a space, which an address does not; percent-encode it" },
        { "address with an img tag", r => r with { SourceUrl = "https://www.state.gov/x\"><img src=x onerror=alert(1)>" }, Us, "sourceUrl", "holds '\"'" },
        { "address with an img tag, no quote", r => r with { SourceUrl = "https://www.state.gov/<img/src/onerror=alert(1)>" }, Us, "sourceUrl", "holds '<'" },
        { "address javascript:", r => r with { SourceUrl = "javascript:alert(document.cookie)" }, Us, "sourceUrl", "is not an http(s) address" },
        { "address javascript: after a space", r => r with { SourceUrl = "https://www.state.gov/ javascript:alert(1)" }, Us, "sourceUrl", "holds a space" },
        { "address without its slashes", r => r with { SourceUrl = "https:www.state.gov/press-release" }, Us, "sourceUrl", "is not an http(s) address" },
        { "address with backslashes", r => r with { SourceUrl = "https:\\\\evil.example/press-release" }, Us, "sourceUrl", "starts with http:// or https://" },
        { "address with a backslash in its path", r => r with { SourceUrl = "https://www.state.gov/press\\release" }, Us, "sourceUrl", "holds '\\'" },
        { "address with a tab", r => r with { SourceUrl = "https://www.state.gov/press\trelease" }, Us, "sourceUrl", "holds the character U+0009" },
        { "address with a line break", r => r with { SourceUrl = "https://www.state.gov/\n[x](javascript:alert(1))" }, Us, "sourceUrl", "holds the character U+000A" },
        { "address with a NUL", r => r with { SourceUrl = "https://www.state.gov/\0" }, Us, "sourceUrl", "holds the character U+0000" },
        { "address with a right-to-left override", r => r with { SourceUrl = "https://www.state.gov/\u202Efdp.exe" }, Us, "sourceUrl", "holds the character U+202E" },
        { "address with a no-break space", r => r with { SourceUrl = "https://www.state.gov/press\u00A0release" }, Us, "sourceUrl", "holds the character U+00A0" },
        { "address with a zero-width space", r => r with { SourceUrl = "https://www.state.gov/press\u200Brelease" }, Us, "sourceUrl", "holds the character U+200B" },
        { "address with a pipe", r => r with { SourceUrl = "https://www.state.gov/a|b" }, Us, "sourceUrl", "holds '|'" },
        { "address empty", r => r with { SourceUrl = "" }, Us, "sourceUrl", "'' is not an http(s) address" },
        { "hash in capitals", r => r with { SourceSha256 = new string('A', 64) }, Us, "sourceSha256", "is not a SHA-256 in lowercase hex (64 characters)" },
        { "hash of 63 characters", r => r with { SourceSha256 = new string('a', 63) }, Us, "sourceSha256", "is not a SHA-256" },
        { "hash not hex", r => r with { SourceSha256 = new string('g', 64) }, Us, "sourceSha256", "is not a SHA-256" },
        { "twenty-one quotes", r => r with { Quotes = Quotes(21) }, Us, "quotes", "at most 20 quotes" },
        { "quote empty", r => r with { Quotes = [new Quote("", "en")] }, Us, "quotes[0].text", "is empty" },
        { "quote of 4001 characters", r => r with { Quotes = [new Quote(new string('q', 4001), "en")] }, Us, "quotes[0].text", "is 4001 characters; at most 4000" },
        { "quote with a tab", r => r with { Quotes = [new Quote("ok", "en"), new Quote("we\twill", "en")] }, Us, "quotes[1].text", "holds control characters" },
        { "language a word", r => r with { Quotes = [new Quote("ok", "english")] }, Us, "quotes[0].lang", "'english' is not a language tag such as en or es-MX" },
        { "language one letter", r => r with { Quotes = [new Quote("ok", "e")] }, Us, "quotes[0].lang", "is not a language tag" },
        { "language with an underscore", r => r with { Quotes = [new Quote("ok", "es_MX")] }, Us, "quotes[0].lang", "is not a language tag" },
        { "language empty", r => r with { Quotes = [new Quote("ok", "")] }, Us, "quotes[0].lang", "'' is not a language tag" },
    }.WithSignatureRules();

    public void Dispose() => _ledger.Dispose();

    public static TheoryData<string> Accepted() => Rules.AcceptedNames();

    public static TheoryData<string> Refused() => Rules.RefusedNames();

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_Variant_IsAccepted(string row) => _ledger.Verify(Rules[row]);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_Variant_IsRefusedNamingItsField(string row) => _ledger.Verify(Rules[row]);

    /// <summary>
    /// An address with spaces that an earlier version logged (the 2026-12-03 fixture holds three) is refused when recorded
    /// now, but the entry already in the log still passes a replay's check, so that log still verifies.
    /// </summary>
    [Fact]
    public void CheckLogged_AnAddressRefusedSinceItWasLogged_StillReplays()
    {
        var statement = ((StatementRecord)Rules["the valid record"].Record()) with { Id = new("logged-before-the-address-rule"), SourceUrl = "https://www.state.gov/ (exact URL not in stored copy)" };
        var leaf = Signer.Us.Sign(_ledger, statement);

        Assert.Contains(_ledger.State.Check(leaf).Errors, e => e.Field == "sourceUrl");
        var replayed = _ledger.State.CheckLogged(leaf);
        Assert.True(replayed.IsAccepted, replayed.ToString());
    }

    /// <summary>What was never an address stays refused in a replay too: only the rules added later are skipped.</summary>
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.state.gov/press-release")]
    [InlineData("")]
    public void CheckLogged_NotAnHttpAddress_StillRefused(string address)
    {
        var leaf = Signer.Us.Sign(_ledger, ((StatementRecord)Rules["the valid record"].Record()) with { Id = new("never-an-address"), SourceUrl = address });

        Assert.Contains(_ledger.State.CheckLogged(leaf).Errors, e => e.Field == "sourceUrl");
    }

    static Quote[] Quotes(int count) => [.. Enumerable.Range(1, count).Select(i => new Quote($"quote {i}", "en"))];
}
