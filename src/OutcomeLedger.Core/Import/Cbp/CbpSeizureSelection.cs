namespace OutcomeLedger.Core.Import.Cbp;

/// <summary>
/// Which CBP rows make a series and how they are summed. Each filter keeps the rows whose column equals one of
/// its values (compared ignoring case); a null filter keeps every row. The selected rows are summed per month,
/// and per value of each <see cref="GroupBy"/> dimension. A filter value that matches no row is an error, so a
/// misspelt region cannot silently yield an empty series.
/// </summary>
public sealed record CbpSeizureSelection
{
    public IReadOnlyList<string>? DrugTypes { get; init; }

    public IReadOnlyList<string>? Components { get; init; }

    public IReadOnlyList<string>? Regions { get; init; }

    public IReadOnlyList<string>? LandFilters { get; init; }

    public IReadOnlyList<string>? AreasOfResponsibility { get; init; }

    public CbpMeasure Measure { get; init; } = CbpMeasure.Pounds;

    public IReadOnlyList<CbpDimension> GroupBy { get; init; } = [];

    /// <summary>
    /// CBP lists only combinations with at least one seizure, so a month the files cover with no selected row
    /// had none. When true, such months (for every group seen) are reported as 0 with a note saying so; when
    /// false (the default) they are left out.
    /// </summary>
    public bool IncludeMonthsWithoutSeizuresAsZero { get; init; }

    /// <summary>Fentanyl pounds seized, all components and regions: CBP's nationwide figure.</summary>
    public static CbpSeizureSelection NationwideFentanylPounds { get; } = new()
    {
        DrugTypes = [CbpValues.DrugFentanyl],
    };

    /// <summary>Fentanyl pounds seized at the southwest land border (OFO ports of entry and Border Patrol), as CBP's dashboards define it.</summary>
    public static CbpSeizureSelection SouthwestLandBorderFentanylPounds { get; } = new()
    {
        DrugTypes = [CbpValues.DrugFentanyl],
        Regions = [CbpValues.RegionSouthwestBorder],
        LandFilters = [CbpValues.LandFilterLandOnly],
    };
}
