namespace OutcomeLedger.Api.Tests.Access;

/// <summary>The <see cref="TestServer"/> ledger served with <c>Private</c> on: every read needs a token.</summary>
public sealed class PrivateTestServer : IAsyncLifetime
{
    public TestServer Server { get; } = new() { Private = true };

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
