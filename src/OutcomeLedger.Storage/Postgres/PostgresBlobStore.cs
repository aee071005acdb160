using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// Evidence files of a PostgreSQL ledger kept in its database (<c>evidence_blobs</c>, migration 5), so that every server
/// sharing it serves the same files. A file is read whole into memory to be stored or served, so the bound is lower
/// than a folder's: larger evidence belongs in an evidence folder (<c>--evidence</c>). A row is deleted only when the
/// put that inserted it is withdrawn, before any other put of the same content (<see cref="WithdrawAsync"/>).
/// </summary>
public sealed partial class PostgresBlobStore : IBlobStore
{
    public const long MaxSize = 32L * 1024 * 1024;

    readonly NpgsqlDataSource _dataSource;

    internal PostgresBlobStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public long MaxBlobSize => MaxSize;

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken) =>
        (await StoreAsync(content, claim: null, cancellationToken)).Sha256;

    /// <summary>
    /// Stores the content for entries about to be logged: a put that inserts the row marks it with its claim
    /// (<c>evidence_blobs.claim</c>, migration 6), which any later put of the same content clears;
    /// <see cref="WithdrawAsync"/> deletes the row only while it still carries its own claim. Each is one statement, so
    /// the row lock orders them across servers.
    /// </summary>
    public Task<TentativeBlob> PutTentativeAsync(Stream content, CancellationToken cancellationToken) =>
        StoreAsync(content, Guid.NewGuid().ToString("N"), cancellationToken);

    public Task ConfirmAsync(TentativeBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return blob.Claim is null
            ? Task.CompletedTask
            : ClaimedAsync("UPDATE evidence_blobs SET claim = NULL WHERE sha256 = @sha256 AND claim = @claim", blob, cancellationToken);
    }

    public async Task<bool> WithdrawAsync(TentativeBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return blob.Claim is not null
            && await ClaimedAsync("DELETE FROM evidence_blobs WHERE sha256 = @sha256 AND claim = @claim", blob, cancellationToken) == 1;
    }

    Task<int> ClaimedAsync(string sql, TentativeBlob blob, CancellationToken cancellationToken)
    {
        CheckAddress(blob.Sha256);
        return PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(sql);
            command.Parameters.AddWithValue("sha256", blob.Sha256);
            command.Parameters.AddWithValue("claim", blob.Claim!);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
    }

    async Task<TentativeBlob> StoreAsync(Stream content, string? claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxSize)
            {
                throw new InvalidDataException($"evidence files are at most {MaxSize / (1024 * 1024)} MiB in the database; give the ledger an evidence folder for larger ones");
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // Inserted with this put's claim, or found stored: then any earlier put's claim ends (no row is returned when
        // there was none to end, the row untouched).
        var created = await PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                "INSERT INTO evidence_blobs (sha256, content, claim) VALUES (@sha256, @content, @claim) "
                + "ON CONFLICT (sha256) DO UPDATE SET claim = NULL WHERE evidence_blobs.claim IS NOT NULL RETURNING claim");
            command.Parameters.AddWithValue("sha256", hash);
            command.Parameters.AddWithValue("content", bytes);
            command.Parameters.Add(new NpgsqlParameter("claim", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)claim ?? DBNull.Value });
            return await command.ExecuteScalarAsync(cancellationToken) is string returned && returned == claim;
        });
        return new TentativeBlob(hash, created ? claim : null);
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        CheckAddress(sha256);
        return PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT content FROM evidence_blobs WHERE sha256 = @sha256");
            command.Parameters.AddWithValue("sha256", sha256);
            return await command.ExecuteScalarAsync(cancellationToken) is byte[] content
                ? (Stream?)new AddressCheckedStream(new MemoryStream(content, writable: false), sha256)
                : null;
        });
    }

    public Task<bool> ContainsAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!HexPattern().IsMatch(sha256 ?? ""))
        {
            return Task.FromResult(false);
        }

        return PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM evidence_blobs WHERE sha256 = @sha256)");
            command.Parameters.AddWithValue("sha256", sha256!);
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        });
    }

    static void CheckAddress(string sha256)
    {
        if (!HexPattern().IsMatch(sha256 ?? ""))
        {
            throw new ArgumentException("a blob address is a SHA-256 in lowercase hex", nameof(sha256));
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexPattern();
}
