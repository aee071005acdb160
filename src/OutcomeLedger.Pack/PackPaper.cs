namespace OutcomeLedger.Pack;

/// <summary>The paper a pack is laid out on.</summary>
public enum PackPaper
{
    A4,
    Letter,
}
