using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Export;

namespace OutcomeLedger.Cli.Tests.Commands.Export;

/// <summary>
/// The xlsx of one checkpoint is the same bytes every time: its zip entries are dated by the checkpoint's log time, not
/// the machine's clock; its parts and relationships are named the same; and it still reads back with another reader.
/// </summary>
public sealed class XlsxReproducibleTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Export_SameCheckpointTwice_SameBytesDatedByTheLogAndReadableByAnotherReader()
    {
        var (first, second) = (_temp["first.xlsx"], _temp["second.xlsx"]);
        Run("export", "--format", "xlsx", "--out", first).AssertOk();
        Run("export", "--format", "xlsx", "--out", second).AssertOk();
        var logged = LogTime.Of(Scorecard().Checkpoint.SignedNote)!.Value.UtcDateTime;

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using (var zip = ZipFile.OpenRead(first))
        {
            // A zip date is a clock time to the even second.
            var expected = logged.AddSeconds(-(logged.Second % 2)).AddTicks(-(logged.Ticks % TimeSpan.TicksPerSecond));
            Assert.All(zip.Entries, e => Assert.Equal(expected, e.LastWriteTime.DateTime));
            using var core = zip.GetEntry("docProps/core.xml")!.Open();
            var created = XDocument.Load(core).Descendants(XName.Get("created", "http://purl.org/dc/terms/")).Single().Value;
            Assert.Equal(logged.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), created);
        }

        var sheets = ExportCommandTests.ReadXlsx(first);
        Assert.True(sheets.Count > 1);
        Assert.All(sheets, s => Assert.NotEmpty(s.Rows));
    }

    [Fact]
    public void Dated_ZipsWrittenAtDifferentClockTimes_BecomeTheSameBytes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 3, 9, 15, 0, TimeSpan.Zero));
        var early = Zip(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(40) + TimeSpan.FromSeconds(7));
        var late = Zip(clock.GetUtcNow());
        var checkpoint = new DateTimeOffset(2026, 1, 30, 17, 4, 12, TimeSpan.Zero);

        Assert.NotEqual(early, late);
        var dated = XlsxExport.Dated(early, checkpoint);
        Assert.Equal(dated, XlsxExport.Dated(late, checkpoint));
        using var zip = new ZipArchive(new MemoryStream(dated), ZipArchiveMode.Read);
        Assert.Equal(["[Content_Types].xml", "xl/workbook.xml"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(checkpoint.DateTime, e.LastWriteTime.DateTime));
        using var reader = new StreamReader(zip.Entries[1].Open());
        Assert.Equal("<workbook/>", reader.ReadToEnd());
    }

    // A small zip as System.IO.Packaging writes one: entries dated by the clock at the time of writing.
    static byte[] Zip(DateTimeOffset now)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>") })
            {
                var entry = archive.CreateEntry(name);
                entry.LastWriteTime = now;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }

    CliRun Run(params string[] args) => CliRun.Invoke([.. args, "--ledger", demo.Folder]);

    Scorecard Scorecard() => ScorecardJson.Deserialize(File.ReadAllBytes(Path.Combine(demo.Folder, "scorecard.json")));
}
