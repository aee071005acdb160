using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Accept;

/// <summary>
/// Issue 12, Deliver 3: <c>outcomes accept</c> and <c>outcomes object</c>. Terms a party proposed (here us's commitment)
/// read "proposed by us, not accepted by mx" until mx accepts them; mx may contest them with a reason instead, shown
/// beside them until mx accepts. Neither the proposer, nor anyone outside the agreement, nor anyone twice.
/// </summary>
public sealed class AcceptCommandTests : IDisposable
{
    readonly TestLedger ledger = new();
    readonly string commitment;

    public AcceptCommandTests()
    {
        commitment = ledger.StateAsync().GetAwaiter().GetResult().Commitments[new CommitmentId("reduce-fentanyl-flow")].Index.ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose() => ledger.Dispose();

    CliRun Accept(string party, params string[] extra) => ledger.RunIn(["accept", .. extra, "--as", party, "--key", ledger.KeyOf(party)]);

    CliRun Object(string party, params string[] extra) => ledger.RunIn(["object", .. extra, "--as", party, "--key", ledger.KeyOf(party)]);

    [Fact]
    public async Task Accept_ByTheOtherParty_TermsBecomeAgreed()
    {
        Assert.Contains("proposed by us, not accepted by mx", Markdown(), StringComparison.Ordinal);

        var run = Accept("mx", commitment, "--note", "as agreed in the SIG").AssertOk();

        Assert.Matches($"^'mx' accepts the terms of entry {commitment}: logged at entry \\d+, checkpoint \\d+\\.$", run.Output.Trim());
        var terms = (await ledger.StateAsync()).FindTerms(ulong.Parse(commitment, CultureInfo.InvariantCulture))!;
        Assert.True(terms.IsAcceptedBy(new PartyId("mx")));
        var card = Terms();
        Assert.True(card.GetProperty("agreed").GetBoolean());
        Assert.Empty(card.GetProperty("awaitingFrom").EnumerateArray());
        Assert.Contains("agreed by every party", Markdown(), StringComparison.Ordinal);
        Assert.Contains("acordados por todas las partes", Markdown("es"), StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_Json_SaysTheAcceptanceAndTheEntry()
    {
        var run = ledger.RunIn("accept", commitment, "--as", "mx", "--key", ledger.KeyOf("mx"), "--json").AssertOk();

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(ulong.Parse(commitment, CultureInfo.InvariantCulture), json.RootElement.GetProperty("entry").GetUInt64());
        Assert.Equal("accepted", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Accept_Refused_NamesTheFieldAndChangesNothing()
    {
        Accept("us", commitment).AssertFails(1, "author", "party 'us' proposed entry " + commitment + "; a party cannot accept its own terms");
        Accept("gao", commitment).AssertFails(1, "author", "party 'gao' is neither a party to agreement 'us-mx-security'");
        Accept("mx", "0").AssertFails(1, "entry", "entry 0 is not a commitment, an indicator or a policy");
        Accept("mx", "999").AssertFails(1, "entry", "entry 999 is not a commitment, an indicator or a policy");
        Assert.Contains("proposed by us, not accepted by mx", Markdown(), StringComparison.Ordinal);

        // A second acceptance of the same terms is refused. (Resending the identical entry is answered as a duplicate only
        // within the same second, since records carry their time to the second: the sequencer's tests hold that, not
        // this one, which would depend on the clock.)
        Accept("mx", commitment).AssertOk();
        Accept("mx", commitment, "--note", "once more").AssertFails(1, "entry", $"party 'mx' already accepted entry {commitment}");
    }

    [Fact]
    public void Object_WithReason_ShownBesideTheTermsUntilAccepted()
    {
        var evidence = ledger.Write("minutes.txt", "The SIG minutes record no agreed target.\n");

        var run = Object("mx", commitment, "--reason", "the text was never agreed in the SIG", "--evidence", evidence).AssertOk();

        Assert.Matches($"^'mx' contests the terms of entry {commitment}: logged at entry \\d+, checkpoint \\d+\\.$", run.Output.Trim());
        var objection = Assert.Single(Terms().GetProperty("objections").EnumerateArray());
        Assert.Equal("mx", objection.GetProperty("author").GetString());
        Assert.Equal("the text was never agreed in the SIG", objection.GetProperty("reason").GetString());
        var english = Markdown();
        Assert.Contains("Objection by mx", english, StringComparison.Ordinal);
        Assert.Contains("the text was never agreed in the SIG", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Objection by", Markdown("es"), StringComparison.Ordinal);

        // Accepting ends the objection: an acceptance stands, and cannot be contested afterwards.
        Accept("mx", commitment).AssertOk();
        Assert.Empty(Terms().GetProperty("objections").EnumerateArray());
        Object("mx", commitment, "--reason", "second thoughts").AssertFails(1, "entry", "an acceptance stands");
    }

    [Fact]
    public void Object_Refused_NamesTheFieldAndChangesNothing()
    {
        Object("us", commitment, "--reason", "mine").AssertFails(1, "author", "a party cannot contest its own terms");
        Object("gao", commitment, "--reason", "outside").AssertFails(1, "author", "party 'gao' is neither a party");
        Object("mx", "0", "--reason", "not terms").AssertFails(1, "entry", "entry 0 is not a commitment or an indicator");
        ledger.RunIn("object", commitment, "--as", "mx", "--key", ledger.KeyOf("mx")).AssertFails(2, "--reason");
        Assert.Empty(Terms().GetProperty("objections").EnumerateArray());

        Object("mx", commitment, "--reason", "never agreed").AssertOk();
        Object("mx", commitment, "--reason", "again").AssertFails(1, "entry", $"party 'mx' already contests entry {commitment}");
    }

    string Markdown(string lang = "en")
    {
        var path = ledger.Write($"scorecard.{lang}.md", "");
        ledger.RunIn("scorecard", "--format", "md", "--lang", lang, "--out", path).AssertOk();
        return File.ReadAllText(path);
    }

    JsonElement Terms()
    {
        var path = ledger.Write("scorecard.json", "");
        ledger.RunIn("scorecard", "--format", "json", "--out", path).AssertOk();
        using var card = JsonDocument.Parse(File.ReadAllBytes(path));
        return card.RootElement.GetProperty("commitments")[0].GetProperty("terms").Clone();
    }
}
