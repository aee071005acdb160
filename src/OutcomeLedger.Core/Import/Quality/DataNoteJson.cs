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

    /// <summary>A note as --json and the API show it: a named shape, so generated (Native AOT) metadata describes it.</summary>
    public static Shape Of(DataNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return new Shape(
            Code(note.Code),
            note.Period.ToString(),
            note.Through?.ToString(),
            note.Dimensions.Count == 0 ? null : note.Dimensions,
            note.Value,
            note.Previous,
            note.PreviousPeriod?.ToString(),
            note.Score,
            note.Median,
            note.Reference is { } r ? Reference(r) : null,
            note.ReferenceCount,
            note.File,
            note.Line,
            note.FirstFile,
            note.FirstLine);
    }

    /// <summary>The members of a note's JSON, in order; nulls are left out.</summary>
    public sealed record Shape(
        string Code,
        string Period,
        string? Through,
        IReadOnlyDictionary<string, string>? Dimensions,
        decimal? Value,
        decimal? Previous,
        string? PreviousPeriod,
        double? Score,
        decimal? Median,
        string? Reference,
        int? ReferenceCount,
        string? File,
        int? Line,
        string? FirstFile,
        int? FirstLine);
}
