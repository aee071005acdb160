#:project ../../../src/OutcomeLedger.Storage/OutcomeLedger.Storage.csproj
#:property PublishAot=false
// Records one key entry (add or revoke) in a ledger folder, as the CLI records every other kind: the author signs the
// record with EntryCodec.Sign and the folder's sequencer logs it. At b9e99f2 no `outcomes` command or API form
// writes key records, so make-2026-12-03.sh uses this. It is part of how that fixture was made, not a product tool:
// later commits need not keep it compiling (a fixture is never regenerated).
//
// dotnet run make-2026-12-03-key.cs -- <ledger> <author> <author key file> <party> add|revoke <key file of the key added or revoked>
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage;

if (args.Length != 6 || args[4] is not ("add" or "revoke"))
{
    Console.Error.WriteLine("usage: <ledger> <author> <author key file> <party> add|revoke <key file of the key added or revoked>");
    return 2;
}

using var authorKey = KeyFile.ReadSigningKey(args[2]);
using var subject = KeyFile.ReadSigningKey(args[5]);
var now = TimeProvider.System.GetUtcNow();
var record = new KeyRecord
{
    Author = new PartyId(args[1]),
    RecordedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
    Party = new PartyId(args[3]),
    Action = args[4] == "add" ? KeyAction.Add : KeyAction.Revoke,
    PublicKey = Convert.ToBase64String(subject.PublicKey),
};
await using var ledger = await LedgerFolder.OpenAsync(args[0], CancellationToken.None);
using var sequencer = await ledger.OpenSequencerAsync(CancellationToken.None);
var result = (await sequencer.SubmitAsync([EntryCodec.Sign(record, authorKey)], CancellationToken.None))[0];
if (result.Status != SubmitStatus.Accepted)
{
    Console.Error.WriteLine($"key {args[4]} {result.Status}: {string.Join("; ", result.Errors)}");
    return 1;
}

Console.WriteLine($"key {args[4]} for {args[3]} logged at entry {result.Index}, checkpoint {result.CheckpointSize}");
return 0;
