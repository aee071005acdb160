namespace OutcomeLedger.Core.Import.Cbp;

/// <summary>
/// Column names and the values that occur in CBP's nationwide drug seizures files (FY2019 – FY2026), and the
/// dimension names the importer gives its observations. CBP's "Southwest Land Border" is Region
/// <see cref="RegionSouthwestBorder"/> with Land Filter <see cref="LandFilterLandOnly"/>; Land Filter
/// <see cref="LandFilterOther"/> in that region occurs only for OFO field offices and is, by all appearances, their
/// air and sea ports: it is not part of the land-border series.
/// </summary>
public static class CbpValues
{
    public const string FiscalYearColumn = "FY";
    public const string MonthColumn = "Month (abbv)";
    public const string ComponentColumn = "Component";
    public const string RegionColumn = "Region";
    public const string LandFilterColumn = "Land Filter";
    public const string AreaOfResponsibilityColumn = "Area of Responsibility";
    public const string DrugTypeColumn = "Drug Type";
    public const string EventCountColumn = "Count of Event";
    public const string PoundsColumn = "Sum Qty (lbs)";

    public const string ComponentFieldOperations = "Office of Field Operations";
    public const string ComponentBorderPatrol = "U.S. Border Patrol";

    public const string RegionSouthwestBorder = "Southwest Border";
    public const string RegionNorthernBorder = "Northern Border";
    public const string RegionCoastalInterior = "Coastal/Interior";

    public const string LandFilterLandOnly = "Land Only";
    public const string LandFilterOther = "Other";

    public const string DrugFentanyl = "Fentanyl";
    public const string DrugMethamphetamine = "Methamphetamine";
    public const string DrugCocaine = "Cocaine";
    public const string DrugHeroin = "Heroin";
    public const string DrugMarijuana = "Marijuana";

    public static IReadOnlyList<string> Columns { get; } =
    [
        FiscalYearColumn, MonthColumn, ComponentColumn, RegionColumn, LandFilterColumn,
        AreaOfResponsibilityColumn, DrugTypeColumn, EventCountColumn, PoundsColumn,
    ];

    /// <summary>The dimension name an observation uses for a CBP column.</summary>
    public static string DimensionName(CbpDimension dimension) => dimension switch
    {
        CbpDimension.Component => "component",
        CbpDimension.Region => "region",
        CbpDimension.LandFilter => "land_filter",
        CbpDimension.AreaOfResponsibility => "area_of_responsibility",
        CbpDimension.DrugType => "drug_type",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    internal static string ColumnName(CbpDimension dimension) => dimension switch
    {
        CbpDimension.Component => ComponentColumn,
        CbpDimension.Region => RegionColumn,
        CbpDimension.LandFilter => LandFilterColumn,
        CbpDimension.AreaOfResponsibility => AreaOfResponsibilityColumn,
        CbpDimension.DrugType => DrugTypeColumn,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    internal static string ValueOf(CbpDrugSeizureRow row, CbpDimension dimension) => dimension switch
    {
        CbpDimension.Component => row.Component,
        CbpDimension.Region => row.Region,
        CbpDimension.LandFilter => row.LandFilter,
        CbpDimension.AreaOfResponsibility => row.AreaOfResponsibility,
        CbpDimension.DrugType => row.DrugType,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
