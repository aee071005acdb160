namespace OutcomeLedger.Api;

/// <summary>One refused field in a problem's <c>errors</c> member.</summary>
public sealed record FieldError(string Field, string Message);
