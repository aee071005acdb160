namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// Where the terms one entry proposed stand (a commitment, an indicator or a policy): who proposed them, under which
/// agreement, who accepted them and who objects. Terms are agreed once every party the agreement names accepted them
/// (their proposer accepts by proposing them).
/// <para>
/// An indicator's reporter holds the role only by taking it up: by authoring the indicator, by a signed acceptance of
/// it, or by reporting its first value (a value signed for an indicator that names its author as reporter is that
/// party's acceptance of the role, on the same terms). The last is also how ledgers written before acceptances existed
/// read: their indicators' reporters reported, so their entries keep their meaning and their bytes; an indicator
/// whose named reporter never reported nor accepted has a proposed reporter, not a reporter.
/// </para>
/// </summary>
public sealed class TermsState(ulong index, string kind, AgreementId agreement, PartyId proposer, PartyId? reporter)
{
    /// <summary>The log index of the entry proposing the terms.</summary>
    public ulong Index { get; } = index;

    /// <summary>The proposing entry's kind: <c>commitment</c>, <c>indicator</c> or <c>policy</c>.</summary>
    public string Kind { get; } = kind;

    public AgreementId Agreement { get; } = agreement;

    /// <summary>The author of the terms.</summary>
    public PartyId Proposer { get; } = proposer;

    /// <summary>The reporter an indicator names; null for other kinds.</summary>
    public PartyId? Reporter { get; } = reporter;

    public List<Logged<AcceptanceRecord>> Acceptances { get; } = [];

    public List<Logged<ObjectionRecord>> Objections { get; } = [];

    /// <summary>Whether <paramref name="party"/> proposed or accepted these terms.</summary>
    public bool IsAcceptedBy(PartyId party) => party == Proposer || Acceptances.Any(a => a.Record.Author == party);

    /// <summary>The parties of <paramref name="parties"/> (the agreement's) that have not accepted the terms yet, in order.</summary>
    public IReadOnlyList<PartyId> AwaitingFrom(IEnumerable<PartyId> parties) => [.. parties.Where(p => !IsAcceptedBy(p))];

    /// <summary>The objections that stand: those whose author has not accepted the terms since.</summary>
    public IReadOnlyList<Logged<ObjectionRecord>> OpenObjections =>
        [.. Objections.Where(o => !Acceptances.Any(a => a.Record.Author == o.Record.Author && a.Index > o.Index))];
}
