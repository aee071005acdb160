using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cbp;
using OutcomeLedger.Core.Import.Cdc;
using OutcomeLedger.Core.Import.Formats;
using OutcomeLedger.Core.Import.Mapped;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Demo;

/// <summary>
/// The demo's ledger content, built from the shipped public data: the parties, the statements (the rhetoric), the
/// commitments drawn from them, their indicators, the measurements read by the real importers, and attestations only
/// where the public record supports them (both governments announced each transfer of defendants). Targets are
/// illustrative assumptions, labelled as such: the governments have published no numeric targets.
/// </summary>
internal sealed class DemoScenario(DemoData data, DateTimeOffset recordedAt)
{
    public static readonly PartyId Operator = new("operator");
    public static readonly PartyId Us = new("us");
    public static readonly PartyId Mx = new("mx");
    public static readonly PartyId Verifier = new("verifier");
    public static readonly AgreementId Agreement = new("us-mx-security");

    /// <summary>The joint statement that reset expectations for the security cooperation it restates.</summary>
    public static readonly StatementId ResetStatement = new("joint-statement-2026-01-15");

    const string Illustrative = "Illustrative assumption for the demo: the governments have published no numeric target for this indicator.";

    // Now, to the second: the log refuses entries dated more than a few minutes from its clock.
    readonly DateTimeOffset _at = recordedAt;

    /// <summary>Records the operator signs: parties are registered separately (they carry keys).</summary>
    public IReadOnlyList<LedgerRecord> OperatorRecords()
    {
        var records = new List<LedgerRecord>
        {
            new AgreementRecord { Author = Operator, RecordedAt = _at, Id = Agreement, Title = "U.S.–Mexico security cooperation (Bicentennial Framework, Security Implementation Group)", Parties = [Us, Mx] },
        };

        foreach (var s in data.Statements())
        {
            records.Add(new StatementRecord
            {
                Author = Operator,
                RecordedAt = _at,
                Id = new StatementId(s.Id),
                Date = s.Date,
                Title = s.Title,
                Speaker = s.Publisher,
                Parties = s.Parties.Select(PartyOf).Distinct().ToList(),
                StatementKind = s.Title.Contains("Joint Statement", StringComparison.OrdinalIgnoreCase) ? StatementKind.JointStatement
                    : s.Title.Contains("FACT SHEET", StringComparison.OrdinalIgnoreCase) || s.Title.Contains("Meeting", StringComparison.OrdinalIgnoreCase) ? StatementKind.PressRelease
                    : StatementKind.Other,
                SourceUrl = s.SourceUrl,
                Quotes = s.Quotes.Select(q => new Quote(q, "en")).ToList(),
            });
        }

        // The 2026-01-15 joint statement "set clear expectations for future collaboration": commitments that cite it
        // are assessed from it. The independent verifier's checks are the ones that count.
        records.Add(new PolicyRecord
        {
            Author = Operator,
            RecordedAt = _at,
            Agreement = Agreement,
            Policy = new EvaluationPolicy { ResetStatements = [ResetStatement], Verifiers = [Verifier], DataNotes = true },
        });

        records.Add(Commitment("prevent-synthetic-drug-harm",
            "Commit to and implement an action plan to prevent the consumption and trafficking of synthetic drugs, specifically fentanyl and methamphetamines.",
            // A public-health commitment of the 2022 dialogue: the 2026 statement on security cooperation does not restate
            // it, so it is assessed from its own date, against the deaths series that runs since 2015.
            ["hlsd-2022-joint-statement"], new DateOnly(2022, 10, 14)));
        records.Add(Commitment("halt-fentanyl-trafficking",
            "halt the trafficking of fentanyl and other illicit drugs, and stop arms trafficking",
            ["rubio-visit-2025-joint-statement", "sig-first-meeting-2025", "joint-statement-2026-01-15"], new DateOnly(2025, 9, 3)));
        records.Add(Commitment("target-drug-laboratories",
            "Reduce TCO drug sales capacity and prosecute corruption cases and TCO-related crimes, with a focus on drug laboratories and precursor chemicals.",
            ["hlsd-2021-fact-sheet", "joint-statement-2026-01-15"], new DateOnly(2021, 10, 8)));
        records.Add(Commitment("extradite-tco-members",
            "Increase bilateral cooperation to facilitate the extradition of TCO members and related actors under each nation’s laws.",
            ["hlsd-2021-fact-sheet", "joint-statement-2026-01-15"], new DateOnly(2021, 10, 8)));
        records.Add(Commitment("dismantle-criminal-networks",
            "The Security Implementation Group will meet regularly to coordinate actions by the U.S. and Mexico to dismantle the narcoterrorists, end the fentanyl crisis, strengthen border security, combat illicit finance, prevent fuel theft, and increase investigations and prosecutions",
            ["sig-first-meeting-2025", "joint-statement-2026-01-15"], new DateOnly(2025, 9, 26)));

        records.Add(new IndicatorRecord
        {
            Author = Operator,
            RecordedAt = _at,
            Id = Deaths,
            Commitment = new CommitmentId("prevent-synthetic-drug-harm"),
            Name = "U.S. deaths from synthetic opioids other than methadone (T40.4), 12 months ending",
            Unit = "deaths",
            MeasureType = MeasureType.Count,
            Direction = Direction.Down,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.TwelveMonthEnding,
            Reporter = Us,
            Baseline = new Baseline(Period.Parse("2021-10"), Period.Parse("2022-09")),
            Targets = [new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, RelativeChange: -0.5m, Note: Illustrative)],
            DataSource = "CDC NCHS, VSRR provisional drug overdose death counts (data.cdc.gov dataset xkb8-kh2a), reported values",
            VerificationProtocol = "CDC's published provisional counts; values are revised as death records complete.",
            Caveat = "Provisional counts, revised over time; CDC footnotes the latest months as underreported. Deaths also follow treatment, harm reduction and the drug supply's potency, not enforcement alone.",

            // VSRR releases monthly, about four months after a period ends; the shipped file footnotes its latest 13
            // periods (12 months ending January 2025 to January 2026) "Underreported due to incomplete data".
            Cadence = ReleaseCadence.Monthly,
            Lag = new ReleaseLag(4, ReleaseLagUnit.Month).ToString(),
            ProvisionalMonths = 13,
        });
        records.Add(new IndicatorRecord
        {
            Author = Operator,
            RecordedAt = _at,
            Id = Seizures,
            Commitment = new CommitmentId("halt-fentanyl-trafficking"),
            Name = "Fentanyl seized at the southwest land border (CBP: Office of Field Operations and Border Patrol), pounds per month",
            Unit = "lb",
            MeasureType = MeasureType.Amount,
            Direction = Direction.Down,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = Us,
            Baseline = new Baseline(Period.Parse("2024-09"), Period.Parse("2025-08")),
            Targets = [new Target(new DateOnly(2026, 9, 30), TargetBasis.Illustrative, RelativeChange: -0.25m, Note: Illustrative)],
            DataSource = "U.S. CBP, Nationwide Drug Seizures (Southwest Border region, land ports and between ports)",
            VerificationProtocol = "CBP's published monthly figures; fiscal-year-to-date rows are monthly values.",
            PairedIndicator = Deaths,
            PairedReading = "Seizures are an ambiguous proxy: falling seizures with falling deaths suggest less flow; falling seizures with steady deaths may mean weaker interdiction, not less fentanyl.",
            Caveat = "More seizures can mean more flow or better enforcement; a fall can mean less flow or less interdiction.",

            // CBP publishes its nationwide seizures monthly, about two weeks after the month ends.
            Cadence = ReleaseCadence.Monthly,
            Lag = new ReleaseLag(2, ReleaseLagUnit.Week).ToString(),
        });
        records.Add(CabinetIndicator(Labs, "target-drug-laboratories", "Clandestine laboratories dismantled in Mexico per month (from the Security Cabinet's running totals)", "labs"));
        records.Add(CabinetIndicator(Detentions, "dismantle-criminal-networks", "Persons detained for high-impact crimes in Mexico per month (from the Security Cabinet's running totals)", "persons"));
        records.Add(CabinetIndicator(FentanylSeized, "halt-fentanyl-trafficking", "Fentanyl seized in Mexico per month (kilograms, from the Security Cabinet's running totals)", "kg") with
        {
            MeasureType = MeasureType.Amount,
            Caveat = CabinetCaveat + " Only figures reported in kilograms are used (one briefing gave a rounded figure in tonnes). Successive reports are not always consistent: a running total that fell gives no monthly value.",
        });
        records.Add(new IndicatorRecord
        {
            Author = Operator,
            RecordedAt = _at,
            Id = Transfers,
            Commitment = new CommitmentId("extradite-tco-members"),
            Name = "Defendants transferred from Mexico to U.S. custody (per month)",
            Unit = "persons",
            MeasureType = MeasureType.Count,
            Direction = Direction.Up,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = Mx,
            DataSource = "Announcements by both governments (U.S. DOJ; Mexico's FGR and SSPC), transcribed with their source addresses",
            VerificationProtocol = "Each transfer is acknowledged by the United States when DOJ announced the same transfer.",
            Caveat = "Transfers under Mexico's National Security Law, not treaty extraditions; months without a transfer have no value.",
        });
        return records;
    }

    public static readonly IndicatorId Deaths = new("us-synthetic-opioid-deaths");
    public static readonly IndicatorId Seizures = new("sw-border-fentanyl-seizures");
    public static readonly IndicatorId Labs = new("mx-labs-dismantled");
    public static readonly IndicatorId Detentions = new("mx-detentions-high-impact");
    public static readonly IndicatorId Transfers = new("mx-transfers-to-us-custody");
    public static readonly IndicatorId FentanylSeized = new("mx-fentanyl-seized");

    /// <summary>The United States' measurements: CBP seizures and CDC deaths, read by the real importers.</summary>
    public IReadOnlyList<LedgerRecord> UsMeasurements()
    {
        var records = new List<LedgerRecord>();
        var cbpInputs = data.CbpFiles.Select(f => new ImportInput(Path.GetFileName(f), System.IO.File.OpenRead(f))).ToList();
        try
        {
            var cbp = Require(CbpDrugSeizureImporter.Import(cbpInputs, CbpSeizureSelection.SouthwestLandBorderFentanylPounds), "CBP");
            records.AddRange(cbp.Items.Select(o => Measurement(Seizures, Us, o, cbp.Sources,
                "U.S. CBP Nationwide Drug Seizures", "https://www.cbp.gov/document/stats/nationwide-drug-seizures", provisional: false)));
        }
        finally
        {
            foreach (var input in cbpInputs)
            {
                input.Content.Dispose();
            }
        }

        using (var cdcFile = System.IO.File.OpenRead(data.CdcFile))
        {
            var cdc = Require(CdcOverdoseImporter.Import(cdcFile, Path.GetFileName(data.CdcFile), CdcOverdoseSelection.UnitedStatesSyntheticOpioids), "CDC");
            records.AddRange(cdc.Items.Select(o => Measurement(Deaths, Us, o, cdc.Sources,
                "CDC NCHS VSRR provisional drug overdose death counts", "https://data.cdc.gov/resource/xkb8-kh2a.json",
                provisional: o.Note?.Contains("underreported", StringComparison.OrdinalIgnoreCase) == true)));
        }

        return records;
    }

    /// <summary>
    /// The independent verifier's checks: it re-derives the U.S. series from the same published CBP and CDC files with the
    /// importers' own rules (a real check of every logged value, not an assumption), through the ledger's use case.
    /// </summary>
    public IReadOnlyList<Core.Sessions.SourceVerificationRequest> VerifierSourceChecks() =>
    [
        new()
        {
            Indicator = Seizures,
            Author = Verifier,
            Files = [.. data.CbpFiles.Select(f => new ImportFile(Path.GetFileName(f), () => System.IO.File.OpenRead(f)))],
            Format = new SourceFormat("U.S. CBP Nationwide Drug Seizures", "https://www.cbp.gov/document/stats/nationwide-drug-seizures",
                (files, options) => [CbpDrugSeizureImporter.Import(files, CbpSeizureSelection.SouthwestLandBorderFentanylPounds, options)], _ => false),
        },
        new()
        {
            Indicator = Deaths,
            Author = Verifier,
            Files = [new ImportFile(Path.GetFileName(data.CdcFile), () => System.IO.File.OpenRead(data.CdcFile))],
            Format = new SourceFormat("CDC NCHS VSRR provisional drug overdose death counts", "https://data.cdc.gov/resource/xkb8-kh2a.json",
                (files, options) => [.. files.Select(f => CdcOverdoseImporter.Import(f.Content, f.FileName, CdcOverdoseSelection.UnitedStatesSyntheticOpioids, options))], _ => false),
        },
    ];

    /// <summary>
    /// Mexico's transfers and its Security Cabinet's cumulative figures, as <c>outcomes import csv</c> reads them (the
    /// ledger's import use case, its rules and its evidence): transfers by day summed per month
    /// (<c>--period-from-date --aggregate sum</c>), each source address in the note; each running total turned into
    /// monthly flows (<c>--where unit=kg --period-from-date --aggregate last --cumulative</c>): the month's last report
    /// less the previous month's, the conversion (both totals, their dates and lines) in each value's note; a month with
    /// no report the month before, or whose total fell, is skipped and listed, never guessed. Figures in another unit are
    /// left out, never converted. The files are kept as evidence.
    /// </summary>
    public IReadOnlyList<MeasurementImportRequest> MxImports()
    {
        var transfers = new ColumnMapping("date", "persons_transferred", noteColumn: "found_at_url");
        var requests = new List<MeasurementImportRequest>
        {
            MxImport(Transfers, data.TransfersFile, SourceFormats.MappedCsv("Transfers announced by both governments (transcribed)", transfers,
                new MappedCsvRules { PeriodFromDate = true, Aggregate = MonthAggregate.Sum })),
        };
        foreach (var (metric, indicator, unit) in new[] { ("clandestine_labs_dismantled", Labs, "labs"), ("persons_detained_high_impact_crimes", Detentions, "persons"), ("fentanyl_seized_weight", FentanylSeized, "kg") })
        {
            var running = new ColumnMapping("period_end", "value", noteColumn: "qualifier");
            var rules = new MappedCsvRules
            {
                PeriodFromDate = true,
                Aggregate = MonthAggregate.Last,
                Cumulative = true,
                Filters = new Dictionary<string, string> { ["metric"] = metric, ["unit"] = unit },
            };
            requests.Add(MxImport(indicator, data.CabinetFile, SourceFormats.MappedCsv(CabinetDataset, running, rules)));
        }

        return requests;
    }

    const string CabinetDataset = "Mexico's Security Cabinet (Gabinete de Seguridad) briefings, transcribed from news reports (self-reported)";

    static MeasurementImportRequest MxImport(IndicatorId indicator, string path, SourceFormat format) => new()
    {
        Indicator = indicator,
        Author = Mx,
        Files = [new ImportFile(Path.GetFileName(path), () => System.IO.File.OpenRead(path))],
        Format = format,
    };

    /// <summary>The United States acknowledges each logged transfer: DOJ announced the same transfers.</summary>
    public IReadOnlyList<LedgerRecord> UsAcknowledgements(IReadOnlyList<(ulong Index, MeasurementRecord Record)> transferMeasurements) =>
        transferMeasurements.Select(m => (LedgerRecord)new AttestationRecord
        {
            Author = Us,
            RecordedAt = _at,
            Measurement = m.Index,
            Verdict = Verdict.Acknowledged,
            Reason = "The U.S. Department of Justice announced the same transfer of custody: " + m.Record.Note,
        }).ToList();

    CommitmentRecord Commitment(string id, string text, string[] statements, DateOnly madeOn) => new()
    {
        Author = Operator,
        RecordedAt = _at,
        Id = new CommitmentId(id),
        Agreement = Agreement,
        Text = text,
        Statements = statements.Select(s => new StatementId(s)).ToList(),
        ResponsibleParties = [Us, Mx],
        MadeOn = madeOn,
    };

    IndicatorRecord CabinetIndicator(IndicatorId id, string commitment, string name, string unit) => new()
    {
        Author = Operator,
        RecordedAt = _at,
        Id = id,
        Commitment = new CommitmentId(commitment),
        Name = name,
        Unit = unit,
        MeasureType = MeasureType.Count,
        Direction = Direction.Up,
        PeriodType = PeriodType.Month,
        Aggregation = Aggregation.Sum,
        Reporter = Mx,
        DataSource = "Mexico's Security Cabinet (Gabinete de Seguridad) briefings, transcribed from news reports with the address of each",
        VerificationProtocol = "None yet: no counterparty or independent verification has been published.",
        Caveat = CabinetCaveat,
    };

    /// <summary>What the Security Cabinet's figures are, and how the demo turns its running totals into monthly flows.</summary>
    const string CabinetCaveat = "Self-reported by Mexico and transcribed from news reports of briefings; not independently verified. The briefings give running totals since 2024-10-01: each month's value is its last total less the previous month's (both named in the value's note); a month without a total the month before is left out.";

    MeasurementRecord Measurement(IndicatorId indicator, PartyId author, ImportedObservation o, IReadOnlyList<ImportSource> sources, string dataset, string url, bool provisional)
    {
        var source = sources.FirstOrDefault(s => s.FileName == o.SourceFile);
        return new MeasurementRecord
        {
            Author = author,
            RecordedAt = _at,
            Indicator = indicator,
            Period = o.Period,
            Value = o.Value,
            Source = new MeasurementSource(dataset, url, o.SourceFile, source?.Sha256?.ToHex(), o.SourceLine),
            Note = o.Note,
            Provisional = provisional,
        };
    }

    static PartyId PartyOf(string name) =>
        name.StartsWith("United States", StringComparison.Ordinal) ? Us
        : name.StartsWith("Mexico", StringComparison.Ordinal) ? Mx
        : throw new InvalidDataException($"statement party '{name}' is neither the United States nor Mexico");

    static ImportResult<T> Require<T>(ImportResult<T> result, string what)
    {
        if (!result.Succeeded)
        {
            var first = result.Errors[0];
            throw CliError.Check($"{what} data did not import ({result.Errors.Count} problems); first: {first.File}:{first.Line} {first.Column}: {first.Message}");
        }

        return result;
    }
}
