namespace OutcomeLedger.Core.Import.Quality;

/// <summary>A data note as JSON shows it (exact figures; absent members omitted): one shape for the import's --json and the API.</summary>
public static class DataNoteJson
{
    /// <summary>The note's code as JSON and people's tools write it: "outlier", "running-total-fell", "gap", "repeated".</summary>
    public static string Code(DataNoteCode code) => code switch
    {
        DataNoteCode.Outlier => "outlier",
        DataNoteCode.RunningTotalFell => "running-total-fell",
        DataNoteCode.Gap => "gap",
        _ => "repeated",
    };

    public static string Reference(OutlierReference reference) => reference == OutlierReference.SameMonth ? "same-month" : "whole-series";

    public static object Of(DataNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return new
        {
            code = Code(note.Code),
            period = note.Period.ToString(),
            through = note.Through?.ToString(),
            dimensions = note.Dimensions.Count == 0 ? null : note.Dimensions,
            value = note.Value,
            previous = note.Previous,
            previousPeriod = note.PreviousPeriod?.ToString(),
            score = note.Score,
            median = note.Median,
            reference = note.Reference is { } r ? Reference(r) : null,
            referenceCount = note.ReferenceCount,
            file = note.File,
            line = note.Line,
            firstFile = note.FirstFile,
            firstLine = note.FirstLine,
        };
    }
}
