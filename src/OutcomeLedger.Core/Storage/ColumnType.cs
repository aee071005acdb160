namespace OutcomeLedger.Core.Storage;

/// <summary>The two types projection columns take.</summary>
public enum ColumnType
{
    Text,
    Integer,
}
