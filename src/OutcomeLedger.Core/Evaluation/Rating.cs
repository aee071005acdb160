using System.Text.Json.Serialization;

namespace OutcomeLedger.Core.Evaluation;

/// <summary>The rating of an indicator, a series or a commitment, in the words of the agreement.</summary>
public enum Rating
{
    /// <summary>Too early: the commitment is younger than the results the policy needs.</summary>
    [JsonStringEnumMemberName("NOT_YET_ASSESSED")]
    NotYetAssessed,

    /// <summary>The target is reached by values that count toward MET.</summary>
    [JsonStringEnumMemberName("MET")]
    Met,

    /// <summary>A significant change the right way, on or ahead of the target path.</summary>
    [JsonStringEnumMemberName("ON_TRACK")]
    OnTrack,

    /// <summary>The right direction, but below the agreed pace or threshold: insufficient.</summary>
    [JsonStringEnumMemberName("INCREMENTAL")]
    Incremental,

    /// <summary>No change distinguishable from noise.</summary>
    [JsonStringEnumMemberName("STALLED")]
    Stalled,

    /// <summary>A change distinguishable from noise, the wrong way.</summary>
    [JsonStringEnumMemberName("REGRESSED")]
    Regressed,

    /// <summary>Not enough counted data, disputes unresolved, or too small a verified share.</summary>
    [JsonStringEnumMemberName("UNVERIFIABLE")]
    Unverifiable,
}
