namespace OutcomeLedger.Core.Import.Cbp;

/// <summary>A CBP column a series can be broken down by; each becomes a dimension of the observations.</summary>
public enum CbpDimension
{
    Component,
    Region,
    LandFilter,
    AreaOfResponsibility,
    DrugType,
}
