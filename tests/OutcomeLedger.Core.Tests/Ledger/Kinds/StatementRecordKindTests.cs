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

    static Quote[] Quotes(int count) => [.. Enumerable.Range(1, count).Select(i => new Quote($"quote {i}", "en"))];
}
