using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Import;

public sealed class ImportCommandTests : IDisposable
{
    const string CbpOld = "cbp/nationwide-drugs-fy19-fy22.csv";
    const string CbpNew = "cbp/nationwide-drugs-fy23-fy26-dec.csv";
    const string Cdc = "cdc/cdc_api_provisional_overdose_counts.csv";

    readonly TestLedger ledger = new();

    public void Dispose() => ledger.Dispose();

    string[] ImportSouthwestFentanyl(params string[] extra) =>
    [
        "import", "cbp", TestLedger.Data(CbpOld), TestLedger.Data(CbpNew), "--indicator", "sw-border-fentanyl",
        "--drug", "Fentanyl", "--region", "Southwest Border", "--land-filter", "Land Only", "--as", "us", "--key", ledger.KeyOf("us"), .. extra,
    ];

    string[] ImportCsv(string file, string indicator = "transfers", params string[] extra) =>
    [
        "import", "csv", file, "--indicator", indicator, "--map", "period=Month,value=Total", "--dataset", "hand-written test data",
        "--as", "us", "--key", ledger.KeyOf("us"), .. extra,
    ];

    async Task<ulong> LogSizeAsync() => (await ledger.StateAsync()).Size;

    static List<MeasurementState> Current(LedgerState state, string indicator) =>
        [.. state.Measurements.Values.Where(m => m.Record.Indicator == new IndicatorId(indicator) && m.SupersededBy is null)];

    /// <summary>The southwest land border fentanyl rows of the shipped CBP files, read directly: (fiscal year and month, pounds).</summary>
    static List<(string Month, decimal Pounds)> SouthwestFentanylRows()
    {
        var rows = new List<(string, decimal)>();
        foreach (var file in new[] { CbpOld, CbpNew })
        {
            foreach (var line in File.ReadLines(TestLedger.Data(file)).Skip(1))
            {
                var f = line.Split(',');
                if (f[6] == "Fentanyl" && f[3] == "Southwest Border" && f[4] == "Land Only")
                {
                    rows.Add((f[0] + f[1], decimal.Parse(f[8], NumberStyles.Float, CultureInfo.InvariantCulture)));
                }
            }
        }

        return rows;
    }

    [Fact]
    public async Task Cbp_SouthwestLandBorderFentanyl_LedgerSumEqualsSumOfTheCsvFiles()
    {
        ledger.AddIndicator("sw-border-fentanyl");

        var run = ledger.RunIn(ImportSouthwestFentanyl()).AssertOk();

        var rows = SouthwestFentanylRows();
        var months = rows.Select(r => r.Month).Distinct().Count();
        var measurements = Current(await ledger.StateAsync(), "sw-border-fentanyl");
        Assert.Equal(months, measurements.Count);
        Assert.Equal(rows.Sum(r => r.Pounds), measurements.Sum(m => m.Record.Value));
        Assert.Contains($"{months} new, 0 unchanged, 0 corrected", run.Output, StringComparison.Ordinal);
        var record = measurements.Single(m => m.Record.Period == Period.Month(2025, 12)).Record;
        Assert.Equal("nationwide-drugs-fy23-fy26-dec.csv", record.Source.FileName);
        Assert.Equal("edac57a71f569253023a1ae0ec80a82748130daf4c34d146047933ab77db5b9e", record.Source.FileSha256);
        Assert.NotNull(record.Source.Line);
        Assert.True(record.Provisional, "FYTD rows are provisional");
        Assert.Contains("FYTD", record.Note, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ledger.LedgerPath, "blobs", "ed", record.Source.FileSha256!)), "the source file is kept in the evidence store");
    }

    [Fact]
    public async Task Cbp_SameFilesTwice_SecondRunAddsNothing()
    {
        ledger.AddIndicator("sw-border-fentanyl");
        ledger.RunIn(ImportSouthwestFentanyl()).AssertOk();
        var size = await LogSizeAsync();

        var second = ledger.RunIn(ImportSouthwestFentanyl()).AssertOk();

        Assert.Equal(size, await LogSizeAsync());
        Assert.Contains("0 new, 87 unchanged, 0 corrected", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cbp_DryRun_PrintsWhatWouldBeRecordedAndWritesNothing()
    {
        ledger.AddIndicator("sw-border-fentanyl");
        var size = await LogSizeAsync();

        var table = ledger.RunIn(ImportSouthwestFentanyl("--dry-run")).AssertOk();
        var json = ledger.RunIn(ImportSouthwestFentanyl("--dry-run", "--json")).AssertOk();

        Assert.Equal(size, await LogSizeAsync());
        Assert.False(Directory.Exists(Path.Combine(ledger.LedgerPath, "blobs", "ed")), "a dry run stores nothing");
        Assert.Contains("2025-12", table.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.True(document.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(87, document.RootElement.GetProperty("measurements").GetArrayLength());
        Assert.Equal(87, document.RootElement.GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Cbp_GroupByComponent_MapsSourceValuesToDeclaredDimensionValues()
    {
        ledger.AddIndicator("sw-fentanyl-by-component", extra: ["--dimension", "component=ofo,usbp"]);

        ledger.RunIn(ImportSouthwestFentanyl("--group-by", "component", "--dimension-value", "Office of Field Operations=ofo", "--dimension-value", "U.S. Border Patrol=usbp")
            .Select(a => a == "sw-border-fentanyl" ? "sw-fentanyl-by-component" : a).ToArray()).AssertOk();

        var measurements = Current(await ledger.StateAsync(), "sw-fentanyl-by-component");
        Assert.Equal(["ofo", "usbp"], measurements.Select(m => m.Record.Dimensions["component"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(SouthwestFentanylRows().Sum(r => r.Pounds), measurements.Sum(m => m.Record.Value));
    }

    [Fact]
    public async Task Cbp_UnmappedDimensionValue_ImportsNothingAndNamesEveryRow()
    {
        ledger.AddIndicator("sw-fentanyl-by-component", extra: ["--dimension", "component=ofo,usbp"]);
        var size = await LogSizeAsync();

        var run = ledger.RunIn(ImportSouthwestFentanyl("--group-by", "component").Select(a => a == "sw-border-fentanyl" ? "sw-fentanyl-by-component" : a).ToArray())
            .AssertFails(1, "[component] 'Office of Field Operations' is not a declared value of dimension 'component'", "nothing was imported");

        Assert.Equal(size, await LogSizeAsync());
        Assert.True(run.Error.Split('\n').Count(l => l.Contains("is not a declared value", StringComparison.Ordinal)) > 87);
    }

    [Fact]
    public async Task Cbp_BadRows_ImportNothingAndListEveryBadRowWithLineAndColumn()
    {
        ledger.AddIndicator("sw-border-fentanyl");
        var header = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";
        var bad = ledger.Write("bad-cbp.csv", header
            + "2024,OCT,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,3,12.5\n"
            + "2024,OCX,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,3,12.5\n"
            + "2024,NOV,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,3,-4\n"
            + "2024,DEC,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,three,4\n");
        var size = await LogSizeAsync();

        var run = ledger.RunIn("import", "cbp", bad, "--indicator", "sw-border-fentanyl", "--drug", "Fentanyl", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "bad-cbp.csv:3: [Month (abbv)]", "bad-cbp.csv:4: [Sum Qty (lbs)]", "bad-cbp.csv:5: [Count of Event]", "3 problems in 3 rows");

        Assert.Equal(size, await LogSizeAsync());
        Assert.DoesNotContain("bad-cbp.csv:2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cbp_PoundsAcrossDrugs_IsUsageError()
    {
        ledger.AddIndicator("sw-border-fentanyl");

        ledger.RunIn("import", "cbp", TestLedger.Data(CbpNew), "--indicator", "sw-border-fentanyl", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(2, "give --drug, or --group-by drug-type");
    }

    [Fact]
    public async Task Cdc_UnitedStates_ImportsValuesWithFootnotesAsNotesAndProvisionalFlags()
    {
        ledger.AddIndicator("us-synthetic-opioid-deaths", unit: "deaths", measureType: "count");

        ledger.RunIn("import", "cdc", TestLedger.Data(Cdc), "--indicator", "us-synthetic-opioid-deaths", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        var measurements = Current(await ledger.StateAsync(), "us-synthetic-opioid-deaths");
        var expected = File.ReadLines(TestLedger.Data(Cdc)).Count(l => l.StartsWith("US,", StringComparison.Ordinal) && l.Contains("(T40.4)", StringComparison.Ordinal));
        Assert.Equal(expected, measurements.Count);
        var peak = measurements.Single(m => m.Record.Period == Period.Month(2023, 6)).Record;
        Assert.Equal(77695m, peak.Value);
        Assert.Contains("Numbers may differ from published reports using final data", peak.Note, StringComparison.Ordinal);
        Assert.True(peak.Provisional);
        Assert.Equal("cdc_api_provisional_overdose_counts.csv", peak.Source.FileName);
        Assert.Equal("71535fc385706401c88a1016558f2a9b805fd4b41ae80e22d593172f4e99af0e", peak.Source.FileSha256);
    }

    [Fact]
    public async Task Cdc_AllStates_LogsThousandsOfValuesInBatchesOnce()
    {
        var states = File.ReadLines(TestLedger.Data(Cdc)).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal);
        ledger.AddIndicator("state-deaths", unit: "deaths", measureType: "count", extra: ["--dimension", "state=" + string.Join(',', states)]);
        string[] args = ["import", "cdc", TestLedger.Data(Cdc), "--indicator", "state-deaths", "--state", "all", "--as", "us", "--key", ledger.KeyOf("us"), "--json"];

        var first = ledger.RunIn(args).AssertOk();
        var second = ledger.RunIn(args).AssertOk();

        using var firstJson = JsonDocument.Parse(first.Output);
        var added = firstJson.RootElement.GetProperty("new").GetInt32();
        var skipped = firstJson.RootElement.GetProperty("skipped").GetArrayLength();
        Assert.Equal(File.ReadLines(TestLedger.Data(Cdc)).Count() - 1, added + skipped);
        Assert.True(added > 2 * global::OutcomeLedger.Core.Sessions.LedgerSession.ImportBatchSize, $"{added} values span several batches");
        Assert.Equal(added, Current(await ledger.StateAsync(), "state-deaths").Count);
        using var secondJson = JsonDocument.Parse(second.Output);
        Assert.Equal(0, secondJson.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(added, secondJson.RootElement.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Csv_BadRows_ImportNothingAndListEveryBadRow()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        var bad = ledger.Write("bad.csv", "Month,Total\n2025-01,29\n2025-13,26\n2025-03,x\n2025-04,30\nMarch,-1\n");
        var size = await LogSizeAsync();

        var run = ledger.RunIn(ImportCsv(bad)).AssertFails(1, "bad.csv:3: [Month]", "bad.csv:4: [Total]", "bad.csv:6: [Month]", "nothing was imported");

        Assert.Equal(size, await LogSizeAsync());
        Assert.DoesNotContain("bad.csv:2:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("bad.csv:5:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_RenamedAndFixedDimensions_MatchTheDeclaredValues()
    {
        ledger.AddIndicator("seized", extra: ["--dimension", "drug=fentanyl,methamphetamine", "--dimension", "region=southwest"]);
        var file = ledger.Write("seized.csv", "Month,Drug,Pounds\n2025-10,Fentanyl,1017\n2025-10,Methamphetamine,9000\n");

        ledger.RunIn("import", "csv", file, "--indicator", "seized", "--map", "period=Month,value=Pounds,drug_type=Drug", "--dataset", "test",
            "--dimension-name", "drug_type=drug", "--set-dimension", "region=southwest", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        var measurements = Current(await ledger.StateAsync(), "seized").OrderBy(m => m.Record.Value).ToList();
        Assert.Equal(2, measurements.Count);
        Assert.Equal("fentanyl", measurements[0].Record.Dimensions["drug"]);
        Assert.Equal("southwest", measurements[0].Record.Dimensions["region"]);
        Assert.Equal("methamphetamine", measurements[1].Record.Dimensions["drug"]);
    }

    [Fact]
    public async Task Csv_ValueTheLedgerRefuses_ImportsNothingAndNamesRowAndField()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        var file = ledger.Write("fractions.csv", "Month,Total\n2025-01,29\n2025-02,26.5\n");
        var size = await LogSizeAsync();

        ledger.RunIn(ImportCsv(file)).AssertFails(1, "fractions.csv:3: [value] a count is a whole number", "nothing was imported");

        Assert.Equal(size, await LogSizeAsync());
    }

    [Fact]
    public async Task Csv_ChangedValue_BecomesACorrectionThatSupersedesTheOldValue()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        ledger.RunIn(ImportCsv(ledger.Write("v1.csv", "Month,Total\n2025-02,29\n2025-08,26\n"))).AssertOk();
        var before = await ledger.StateAsync();
        var old = Current(before, "transfers").Single(m => m.Record.Period == Period.Month(2025, 8));

        var run = ledger.RunIn(ImportCsv(ledger.Write("v2.csv", "Month,Total\n2025-02,29\n2025-08,27\n2026-01,37\n"))).AssertOk();

        Assert.Contains("1 new, 1 unchanged, 1 corrected", run.Output, StringComparison.Ordinal);
        Assert.Contains("26 → 27", run.Output, StringComparison.Ordinal);
        var after = await ledger.StateAsync();
        Assert.Equal(before.Size + 2, after.Size);
        var correction = after.Measurements[after.Measurements[old.Index].SupersededBy!.Value].Record;
        Assert.Equal(27m, correction.Value);
        Assert.Equal(old.Index, correction.Supersedes);
        Assert.Equal("v2.csv", correction.Source.FileName);
    }

    [Fact]
    public async Task Csv_DryRunOfACorrection_ShowsItAndWritesNothing()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        ledger.RunIn(ImportCsv(ledger.Write("v1.csv", "Month,Total\n2025-08,26\n"))).AssertOk();
        var size = await LogSizeAsync();

        var run = ledger.RunIn(ImportCsv(ledger.Write("v2.csv", "Month,Total\n2025-08,27\n"), extra: "--dry-run")).AssertOk();

        Assert.Equal(size, await LogSizeAsync());
        Assert.Contains("(was 26)", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 unchanged, 1 corrected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownIndicator_FailsNamingIt()
    {
        ledger.RunIn(ImportCsv(ledger.Write("a.csv", "Month,Total\n2025-08,26\n"), "nope")).AssertFails(1, "indicator 'nope' does not exist");
    }

    [Fact]
    public void Import_AsAPartyThatDoesNotReportTheIndicator_FailsNamingTheReporter()
    {
        ledger.AddIndicator("mx-figures", reporter: "mx");

        ledger.RunIn(ImportCsv(ledger.Write("a.csv", "Month,Total\n2025-08,26\n"), "mx-figures")).AssertFails(1, "is reported by party 'mx'");
    }

    [Fact]
    public void Import_WrongPartysKey_RefusedNamingTheKeysOwner()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        var args = ImportCsv(ledger.Write("a.csv", "Month,Total\n2025-08,26\n"));
        args[Array.IndexOf(args, ledger.KeyOf("us"))] = ledger.KeyOf("mx");

        ledger.RunIn(args).AssertFails(1, "registered to party 'mx', not to 'us'");
    }

    [Fact]
    public void Import_MissingFile_IsEnvironmentError()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");

        ledger.RunIn(ImportCsv(Path.Combine(ledger.Folder, "missing.csv"))).AssertFails(3, "does not exist");
    }

    [Fact]
    public void Import_ADirectory_SaysItIsADirectory()
    {
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        var folder = Directory.CreateDirectory(Path.Combine(ledger.Folder, "data.csv")).FullName;

        var run = ledger.RunIn(ImportCsv(folder)).AssertFails(3, $"file '{folder}' is a directory, not a file");

        Assert.DoesNotContain("does not exist", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    /// <summary>A named pipe nobody writes to: opening it would wait for ever; the import refuses it at once, in one line.</summary>
    [Fact]
    public async Task Import_ANamedPipe_RefusedWithoutWaiting()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes are checked on Linux");
        ledger.AddIndicator("transfers", unit: "defendants", measureType: "count");
        var fifo = Path.Combine(ledger.Folder, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Run apart, so that a regression fails this test after a minute instead of hanging the run.
        var import = Task.Run(() => ledger.RunIn(ImportCsv(fifo)), TestContext.Current.CancellationToken);
        var run = await import.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        run.AssertFails(3, $"file '{fifo}' is a named pipe (FIFO), not a regular file");
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    // Issue 15, Deliver 7: 25 ports × 100 months, more than one batch (LedgerSession.ImportBatchSize).
    string ManyPortsFile()
    {
        var csv = new System.Text.StringBuilder("Month,Port,Total\n");
        for (var month = 0; month < 100; month++)
        {
            for (var port = 0; port < 25; port++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{new DateOnly(2017, 1, 1).AddMonths(month):yyyy-MM},p{port:00},{month * 25 + port}\n");
            }
        }

        ledger.AddIndicator("by-port", extra: ["--dimension", "port=" + string.Join(',', Enumerable.Range(0, 25).Select(p => $"p{p:00}"))]);
        return ledger.Write("ports.csv", csv.ToString());
    }

    [Fact]
    public void Csv_MoreThanOneBatch_SaysAtTheStartHowToFinishIfStopped()
    {
        var file = ManyPortsFile();

        var run = ledger.RunIn("import", "csv", file, "--indicator", "by-port", "--map", "period=Month,value=Total,port=Port", "--dataset", "test",
            "--as", "us", "--key", ledger.KeyOf("us"), "--json").AssertOk();

        Assert.Contains("Logging 2500 values in 2 batches of at most 2000, each committed on its own: if this stops before the end, run the same command again", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(run.Output).RootElement.GetProperty("alreadyLogged").GetInt32());
    }

    [Fact]
    public async Task Csv_StoppedAfterTheFirstBatch_RerunLogsTheRestAndSaysResumed()
    {
        var file = ManyPortsFile();
        var cancel = TestContext.Current.CancellationToken;
        Assert.True(Core.Import.Mapped.ColumnMapping.TryParse("period=Month,value=Total,port=Port", out var mapping, out _));
        var request = new Core.Import.MeasurementImportRequest
        {
            Indicator = new IndicatorId("by-port"),
            Author = new PartyId("us"),
            Files = [new Core.Import.ImportFile(file, () => File.OpenRead(file))],
            Format = new Core.Import.SourceFormat("test", null, (files, options) => [.. files.Select(f => Core.Import.Mapped.MappedCsvImporter.Import(f.Content, f.FileName, mapping, null, options))], _ => false),
        };
        await using (var folder = await Storage.LedgerFolder.OpenAsync(ledger.LedgerPath, cancel))
        using (var key = Storage.KeyFile.ReadSigningKey(ledger.KeyOf("us")))
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            // The run stops as a killed process would: after its first batch committed, before the second.
            var progress = new Stopper(at =>
            {
                if (at.Logged > 0)
                {
                    stop.Cancel();
                }
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => folder.Session.ImportMeasurementsAsync(request, key, progress, stop.Token));
        }

        Assert.Equal(2000, Current(await ledger.StateAsync(), "by-port").Count);

        var rerun = ledger.RunIn("import", "csv", file, "--indicator", "by-port", "--map", "period=Month,value=Total,port=Port", "--dataset", "test",
            "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        Assert.Contains("500 new, 2000 unchanged, 0 corrected", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("Resumed: 2000 values were already logged from these rows by an earlier run of this import.", rerun.Output, StringComparison.Ordinal);
        Assert.Equal(2500, Current(await ledger.StateAsync(), "by-port").Count);
        // Nothing was logged twice.
        Assert.Equal(2500, (await ledger.StateAsync()).Measurements.Values.Count(m => m.Record.Indicator == new IndicatorId("by-port")));
    }

    sealed class Stopper(Action<Core.Import.ImportProgress> heard) : IProgress<Core.Import.ImportProgress>
    {
        public void Report(Core.Import.ImportProgress value) => heard(value);
    }
}
