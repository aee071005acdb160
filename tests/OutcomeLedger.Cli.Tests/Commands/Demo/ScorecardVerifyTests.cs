using System.Text;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Cli.Tests.Commands.Demo;

public sealed class ScorecardVerifyTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Verify_AChangedFigure_NamesWhereItDiffers()
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(Path.Combine(demo.Folder, "scorecard.json"));
        var changed = json.Replace("\"reported\":\"152.39657167611999\"", "\"reported\":\"152.4\"", StringComparison.Ordinal);
        Assert.NotEqual(json, changed);
        File.WriteAllText(temp["forged.json"], changed, new UTF8Encoding(false));

        var run = CliRun.Invoke("verify", temp["forged.json"], "--ledger", demo.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reported", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The demo's scorecard as another JSON tool saves it: non-ASCII escaped, numbers in exponent form, indented.</summary>
    static string Resaved(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }))
        {
            Write(document.RootElement, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());

        static void Write(System.Text.Json.JsonElement element, System.Text.Json.Utf8JsonWriter writer)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.WritePropertyName(property.Name);
                        Write(property.Value, writer);
                    }

                    writer.WriteEndObject();
                    break;
                case System.Text.Json.JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(item, writer);
                    }

                    writer.WriteEndArray();
                    break;
                case System.Text.Json.JsonValueKind.String:
                    writer.WriteStringValue(element.GetString());
                    break;
                case System.Text.Json.JsonValueKind.Number when element.GetRawText() is var raw && raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase):
                    // 71810.8 as 7181080E-2: the same number, written otherwise.
                    var point = raw.IndexOf('.', StringComparison.Ordinal);
                    var fraction = raw.Length - point - 1;
                    writer.WriteRawValue(raw.Remove(point, 1).Replace("-0", "-", StringComparison.Ordinal).TrimStart('0') + "0E-" + (fraction + 1));
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }

    [Fact]
    public void Verify_ResavedByAnotherJsonTool_ValidByValue()
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(Path.Combine(demo.Folder, "scorecard.json"));
        var resaved = Resaved(json);
        Assert.Contains("\\u00E9", resaved, StringComparison.Ordinal);
        Assert.Contains("0E-", resaved, StringComparison.Ordinal);
        File.WriteAllText(temp["resaved.json"], resaved, new UTF8Encoding(false));

        var run = CliRun.Invoke("verify", temp["resaved.json"], "--ledger", demo.Folder);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("valid: equal by value", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ResavedWithAChangedFigure_NamesTheChangeNotTheEscapes()
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(Path.Combine(demo.Folder, "scorecard.json"));
        var changed = json.Replace("\"reported\":\"152.39657167611999\"", "\"reported\":\"152.4\"", StringComparison.Ordinal);
        Assert.NotEqual(json, changed);
        File.WriteAllText(temp["forged.json"], Resaved(changed), new UTF8Encoding(false));

        var run = CliRun.Invoke("verify", temp["forged.json"], "--ledger", demo.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"invalid: the scorecard differs from the one the log gives: \$\.[^ ]*\.reported: the scorecard has ""152\.4"", the log gives ""152\.39657167611999""", run.Error);
    }

    [Theory]
    [InlineData("another entry's")]
    [InlineData("no entry's")]
    public void Verify_ACitationOfALeafHashNotAtItsIndex_NamesTheCitation(string which)
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(Path.Combine(demo.Folder, "scorecard.json"));
        var citations = Regex.Matches(json, "\\{\"index\":(\\d+),\"leafHash\":\"([0-9a-f]{64})\"\\}");
        var first = citations[0];
        var (index, logged) = (first.Groups[1].Value, first.Groups[2].Value);
        var claimed = which == "no entry's" ? new string('0', 64) : citations.First(c => c.Groups[2].Value != logged).Groups[2].Value;
        var forged = json.Replace(first.Value, $"{{\"index\":{index},\"leafHash\":\"{claimed}\"}}", StringComparison.Ordinal);
        File.WriteAllText(temp["forged.json"], forged, new UTF8Encoding(false));

        var run = CliRun.Invoke("verify", temp["forged.json"], "--ledger", demo.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"entry {index} has leaf hash {logged} in the log, not {claimed}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ACitationBeyondTheCheckpoint_NamesTheCitation()
    {
        using var temp = new TempFolder();
        var json = File.ReadAllText(Path.Combine(demo.Folder, "scorecard.json"));
        var first = Regex.Match(json, "\\{\"index\":(\\d+),\"leafHash\"");
        var forged = json.Replace(first.Value, "{\"index\":1000000,\"leafHash\"", StringComparison.Ordinal);
        File.WriteAllText(temp["forged.json"], forged, new UTF8Encoding(false));

        var run = CliRun.Invoke("verify", temp["forged.json"], "--ledger", demo.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cites entry 1000000, beyond the checkpoint's", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ACheckpointFromAnotherLog_FailsItsSignature()
    {
        using var temp = new TempFolder();
        var other = temp["other"];
        Assert.Equal(0, CliRun.Invoke("init", other, "--origin", "outcomes-demo.example/us-mx-security").ExitCode);

        var run = CliRun.Invoke("verify", Path.Combine(demo.Folder, "scorecard.json"), "--ledger", other);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not verify with the log key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AtAnEarlierCheckpoint_DiffersFromTheLatest()
    {
        var latest = CliRun.Invoke("evaluate", "--json", "--ledger", demo.Folder);
        var sizes = CliRun.Invoke("log", "checkpoint", "--json", "--ledger", demo.Folder);
        Assert.Equal(0, latest.ExitCode);
        Assert.Equal(0, sizes.ExitCode);

        var bad = CliRun.Invoke("evaluate", "--at", "3", "--ledger", demo.Folder);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no checkpoint of size 3", bad.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("md")]
    [InlineData("html")]
    public void Scorecard_EveryFormat_IsWrittenFromTheLedger(string format)
    {
        using var temp = new TempFolder();
        var path = temp["card." + format];

        var run = CliRun.Invoke("scorecard", "--format", format, "--out", path, "--ledger", demo.Folder);

        Assert.Equal(0, run.ExitCode);

        // The deaths commitment's rating, as each format writes it: the code in JSON, the words for people elsewhere.
        Assert.Contains(format == "json" ? "ON_TRACK" : "ON TRACK", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_Json_IsByteIdenticalToTheDemos()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRun.Invoke("scorecard", "--format", "json", "--out", temp["card.json"], "--ledger", demo.Folder).ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(demo.Folder, "scorecard.json")), File.ReadAllBytes(temp["card.json"]));
    }
}
