namespace OutcomeLedger.Core.Import;

/// <summary>How a figure reached us: this decides how much weight an evaluation may give it.</summary>
public enum DataProvenance
{
    /// <summary>A machine-readable dataset as its publisher released it (CBP, CDC).</summary>
    PublishedDataset,

    /// <summary>Figures announced by governments, transcribed by hand from the announcements or reports of them.</summary>
    TranscribedAnnouncement,

    /// <summary>A government's claims about its own results, transcribed from news reports of its briefings.</summary>
    SelfReportedTranscription,
}
