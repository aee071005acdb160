namespace OutcomeLedger.Core.Storage;

/// <summary>One ledger's database: its log and the projection beside it, which one transaction writes together.</summary>
public interface ILedgerStore : ILogStore, IProjectionStore
{
}
