namespace OutcomeLedger.Cli.Commands.Import;

/// <summary>What a command does with a published file: import its values, or check the logged values against it.</summary>
internal enum SourceUse
{
    Import,
    Verify,
}
