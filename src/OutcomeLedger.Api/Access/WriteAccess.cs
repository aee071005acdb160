using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Access;

/// <summary>
/// Who may write what: a valid bearer token, an entry authored by the token's party, of a kind the token's role may
/// write, signed by an active key of that party. The ledger's own rules (a party does not attest its own measurement,
/// references exist, …) are checked after this, by the sequencer.
/// </summary>
public sealed class WriteAccess(AccessTokens tokens)
{
    /// <summary>The record kinds each token role may write, from the kinds' own writers (an admin token acts for the operator).</summary>
    static readonly Dictionary<AccessRole, HashSet<string>> KindsByRole = Enum.GetValues<AccessRole>().ToDictionary(
        role => role,
        role => RecordKinds.All.Where(k => k.MayWrite(PartyRoleOf(role))).Select(k => k.Name).ToHashSet(StringComparer.Ordinal));

    public static IReadOnlySet<string> KindsFor(AccessRole role) => KindsByRole[role];

    static PartyRole PartyRoleOf(AccessRole role) => role switch
    {
        AccessRole.Admin => PartyRole.Operator,
        AccessRole.Verifier => PartyRole.Verifier,
        _ => PartyRole.Party,
    };

    const string BearerItem = "access.bearer";

    /// <summary>The live token matching the presented text (the dashboard's sign-in), or null and why (never the token).</summary>
    public Task<(AccessToken? Token, string Failure)> FindAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return tokens.FindAsync(presented, cancellationToken);
    }

    /// <summary>
    /// Looks up the request's bearer token in the token store, once per request and before any endpoint runs
    /// (<see cref="AccessTokenLookup"/>), so that <see cref="Authenticate"/> can answer without waiting on the store.
    /// </summary>
    public async Task ResolveBearerAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        (AccessToken? Token, string Failure) found;
        if (string.IsNullOrEmpty(header))
        {
            found = (null, "send 'Authorization: Bearer <token>'; create a token with 'outcomes token create'");
        }
        else if (BearerToken(header) is not { } presented)
        {
            found = (null, "the Authorization header is not a bearer token");
        }
        else
        {
            found = await tokens.FindAsync(presented, context.RequestAborted);
        }

        context.Items[BearerItem] = found;
    }

    /// <summary>
    /// The token of an <c>Authorization: Bearer &lt;token&gt;</c> header, or null when the header is not one. The scheme
    /// is case-insensitive (RFC 9110 §11.1: "bearer" and "BEARER" are "Bearer") and one or more spaces follow it.
    /// </summary>
    public static string? BearerToken(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        const string Scheme = "Bearer";
        if (header.Length <= Scheme.Length || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header[Scheme.Length] != ' ')
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>The token presented with the request, or the 401 problem saying why there is none.</summary>
    public AccessToken? Authenticate(HttpContext context, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        problem = null;
        var (token, failure) = context.Items.TryGetValue(BearerItem, out var found) && found is ValueTuple<AccessToken?, string> resolved
            ? resolved
            : throw new InvalidOperationException("the bearer token was not looked up: the server must use AccessTokenLookup before its endpoints");
        if (token is null)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            problem = ApiProblem.Unauthorized(failure);
        }

        return token;
    }

    /// <summary>Checks that the token may submit this entry; null when it may, else the problem (403, or 422 for an unreadable entry).</summary>
    public static ProblemHttpResult? Authorize(AccessToken token, byte[] leaf, LedgerState state, string? expectedKind)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(state);
        if (!EntryCodec.TryOpen(leaf, out var envelope, out var record, out var error))
        {
            var colon = error.IndexOf(':', StringComparison.Ordinal);
            var field = colon > 0 && !error[..colon].Contains(' ', StringComparison.Ordinal) ? error[..colon] : "entry";
            return ApiProblem.Refused([new ValidationError(field, error)]);
        }

        if (expectedKind is not null && record!.Kind != expectedKind)
        {
            return ApiProblem.Refused([new ValidationError("kind", $"this endpoint takes {expectedKind} entries, not {record.Kind}")]);
        }

        if (record!.Author != token.Party)
        {
            return ApiProblem.Forbidden($"the entry's author is '{record.Author}', but the token acts for '{token.Party}': a party writes only as itself");
        }

        if (!KindsByRole[token.Role].Contains(record.Kind))
        {
            return ApiProblem.Forbidden($"a {token.Role.ToString().ToLowerInvariant()} token cannot write {record.Kind} entries");
        }

        var keyId = envelope!.Signatures[0].KeyId;
        if (state.Size > 0 && (state.FindParty(token.Party) is not { } party || !party.HasActiveKey(keyId)))
        {
            return ApiProblem.Forbidden($"the entry is signed with key {keyId}, which is not an active key of party '{token.Party}'");
        }

        return null;
    }
}
