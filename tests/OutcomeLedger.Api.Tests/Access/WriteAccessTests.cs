using System.Net;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Access;

/// <summary>
/// The access matrix: every write endpoint × every role, plus a missing, wrong and revoked token, an entry signed with
/// another party's key, and an entry authored as another party.
/// </summary>
public sealed class WriteAccessTests(TestServer server) : IClassFixture<TestServer>
{
    static int _serial;

    public static TheoryData<string, string, AccessRole> Matrix()
    {
        var data = new TheoryData<string, string, AccessRole>();
        foreach (var (kind, collection) in RecordKinds.All.Select(k => (k.Name, k.Collection)))
        {
            foreach (var role in Enum.GetValues<AccessRole>())
            {
                data.Add("api/v1/" + collection, kind, role);
                data.Add("api/v1/entries", kind, role);
            }
        }

        return data;
    }

    static PartyId PartyFor(AccessRole role) => role switch
    {
        AccessRole.Admin => TestServer.OperatorId,
        AccessRole.Verifier => TestServer.VerifierId,
        _ => TestServer.UsId,
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Post_RoleAndKind_ForbiddenExactlyWhenTheRoleMayNotWriteTheKind(string path, string kind, AccessRole role)
    {
        var author = PartyFor(role);
        var entry = EntryCodec.Sign(Sample(kind, author), server.KeyOf(author));
        using var response = await server.PostAsync(path, entry, server.Tokens[role]);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (WriteAccess.KindsFor(role).Contains(kind))
        {
            // Past access control: logged (or already logged), or refused by the ledger's own rules with the fields named.
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        }
        else
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData(AccessRole.Party, "statement")]
    [InlineData(AccessRole.Party, "measurement")]
    [InlineData(AccessRole.Verifier, "attestation")]
    [InlineData(AccessRole.Admin, "agreement")]
    [InlineData(AccessRole.Admin, "party")]
    public async Task Post_AllowedValidRecord_Created(AccessRole role, string kind)
    {
        var author = PartyFor(role);
        using var response = await server.PostAsync("api/v1/entries", EntryCodec.Sign(Sample(kind, author), server.KeyOf(author)), server.Tokens[role]);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("olt_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("revoked")]
    public async Task Post_MissingWrongOrRevokedToken_UnauthorizedWithChallenge(string? token)
    {
        if (token == "revoked")
        {
            token = server.RevokedToken;
        }

        var entry = EntryCodec.Sign(Sample("statement", TestServer.UsId), server.Us);
        using var response = await server.PostAsync("api/v1/statements", entry, token);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    /// <summary>RFC 9110 §11.1: the scheme is case-insensitive, so "bearer" and "BEARER" are "Bearer".</summary>
    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    [InlineData("bEaReR  ")]
    public async Task Post_BearerSchemeInAnyCase_Accepted(string scheme)
    {
        var entry = EntryCodec.Sign(Sample("statement", TestServer.UsId), server.Us);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/statements") { Content = new ByteArrayContent(entry) };
        request.Headers.TryAddWithoutValidation("Authorization", scheme + server.Tokens[AccessRole.Party]);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Basic dXM6cGFzcw==")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearertoken")]
    [InlineData("Token abc")]
    public void BearerToken_NotABearerHeader_Null(string header) => Assert.Null(WriteAccess.BearerToken(header));

    [Theory]
    [InlineData("Bearer olt_1", "olt_1")]
    [InlineData("bearer olt_1", "olt_1")]
    [InlineData("BEARER   olt_1 ", "olt_1")]
    public void BearerToken_AnyCaseOfTheScheme_TheToken(string header, string token) => Assert.Equal(token, WriteAccess.BearerToken(header));

    [Fact]
    public async Task Post_SignedWithAnotherPartysKey_Forbidden()
    {
        var entry = EntryCodec.Sign(Sample("statement", TestServer.UsId), server.Mx);
        using var response = await server.PostAsync("api/v1/statements", entry, server.Tokens[AccessRole.Party]);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("not an active key of party 'us'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AuthoredAsAnotherParty_Forbidden()
    {
        var entry = EntryCodec.Sign(Sample("statement", TestServer.MxId), server.Mx);
        using var response = await server.PostAsync("api/v1/statements", entry, server.Tokens[AccessRole.Party]);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("writes only as itself", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Reads_NeedNoToken()
    {
        using var response = await server.Client.GetAsync("api/v1/parties", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A record of <paramref name="kind"/> by <paramref name="author"/>, new each call (fresh ids and periods).</summary>
    LedgerRecord Sample(string kind, PartyId author)
    {
        var n = Interlocked.Increment(ref _serial);
        var at = TestServer.At;
        using var fresh = SigningKey.FromSeed(Enumerable.Repeat((byte)(100 + (n % 100)), 32).ToArray());
        return kind switch
        {
            "party" => new PartyRecord { Author = author, RecordedAt = at, Id = new($"party-{n}"), Name = $"Party {n}", Role = PartyRole.Verifier, Keys = [Convert.ToBase64String(fresh.PublicKey)] },
            "key" => new KeyRecord { Author = author, RecordedAt = at, Party = author, Action = KeyAction.Add, PublicKey = Convert.ToBase64String(fresh.PublicKey) },
            "agreement" => new AgreementRecord { Author = author, RecordedAt = at, Id = new($"agreement-{n}"), Title = "Another agreement", Parties = [TestServer.UsId, TestServer.MxId] },
            "policy" => new PolicyRecord { Author = author, RecordedAt = at, Agreement = TestServer.Agreement, Policy = new EvaluationPolicy() },
            "statement" => new StatementRecord
            {
                Author = author,
                RecordedAt = at,
                Id = new($"statement-{n}"),
                Date = new DateOnly(2026, 1, 20),
                Title = "A statement",
                Parties = [author],
                StatementKind = StatementKind.PressRelease,
                SourceUrl = "https://example.org/statement",
            },
            "commitment" => new CommitmentRecord
            {
                Author = author,
                RecordedAt = at,
                Id = new($"commitment-{n}"),
                Agreement = TestServer.Agreement,
                Text = "Another commitment",
                Statements = [TestServer.Statement],
                ResponsibleParties = [TestServer.UsId],
                MadeOn = new DateOnly(2026, 1, 15),
            },
            "indicator" => new IndicatorRecord
            {
                Author = author,
                RecordedAt = at,
                Id = new($"indicator-{n}"),
                Commitment = TestServer.Commitment,
                Name = "Another indicator",
                Unit = "count",
                MeasureType = MeasureType.Count,
                Direction = Direction.Up,
                PeriodType = PeriodType.Month,
                Aggregation = Aggregation.Sum,
                Reporter = TestServer.UsId,
                DataSource = "test",
            },
            "measurement" => TestServer.Measurement(Period.Month(2000 + (n / 12), 1 + (n % 12)).ToString(), n, author),
            "attestation" => new AttestationRecord { Author = author, RecordedAt = at, Measurement = server.UsMeasurement, Verdict = Verdict.Verified, Reason = $"checked against the source, pass {n}" },
            "acceptance" => new AcceptanceRecord { Author = author, RecordedAt = at, Entry = server.SeizuresIndicator, Note = $"accepted, pass {n}" },
            "objection" => new ObjectionRecord { Author = author, RecordedAt = at, Entry = server.SeizuresIndicator, Reason = $"contested, pass {n}" },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind),
        };
    }
}
