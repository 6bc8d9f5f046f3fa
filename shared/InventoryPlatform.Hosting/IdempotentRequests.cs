using System.Text.Json;
using InventoryPlatform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Remembers the response to a create request sent with an <c>Idempotency-Key</c> header, in the same
/// transaction as what it created. A repeat with the same key gets the first response and creates nothing,
/// also when both arrive at once (the loser's transaction rolls back on the key and it reads the winner's).
/// </summary>
public sealed class IdempotentRequests(Database database, TimeProvider time, IHttpContextAccessor http)
{
    public const string Header = "Idempotency-Key";

    private readonly string _find =
        $"SELECT request_path, request_hash, status_code, response_body FROM {database.Schema}.idempotency_keys "
        + "WHERE seller_id = @SellerId AND "
        + "idempotency_key = @Key";

    private readonly string _remember =
        $"INSERT INTO {database.Schema}.idempotency_keys (seller_id, idempotency_key, request_path, request_hash, status_code, "
        + "response_body, created_at) "
        + "VALUES (@SellerId, @Key, @RequestPath, @RequestHash, @StatusCode, @ResponseBody, @CreatedAt)";

    public static bool IsValidKey(string? key) => key is null || (key.Length is >= 1 and <= 200 && key.All(c => c is >= '!' and <= '~'));

    /// <summary>
    /// Runs <paramref name="create"/> once per key. Without a key it simply runs it.
    /// <paramref name="create"/> returns the status and body to answer with.
    /// </summary>
    public async Task<IResult> RunAsync<T>(
        Seller seller,
        string? key,
        string requestPath,
        Func<UnitOfWork, Task<(int Status, T Body)>> create,
        CancellationToken cancellationToken
    )
    {
        if (key is null)
        {
            var (status, body) = await database.InTransactionAsync(create, cancellationToken);
            return Results.Json(body, statusCode: status);
        }

        var fingerprint = IdempotencyFingerprint.Of(http.HttpContext);
        if (await FindAsync(seller, key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, requestPath, fingerprint);
        }

        try
        {
            var (status, body) = await database.InTransactionAsync(
                async unit =>
                {
                    var outcome = await create(unit);
                    await unit.ExecuteAsync(
                        _remember,
                        new
                        {
                            SellerId = seller.Id,
                            Key = key,
                            RequestPath = requestPath,
                            RequestHash = fingerprint,
                            StatusCode = outcome.Status,
                            ResponseBody = JsonSerializer.Serialize(outcome.Body, JsonDefaults.Options),
                            CreatedAt = time.GetUtcNow().UtcDateTime,
                        }
                    );
                    return outcome;
                },
                cancellationToken
            );
            return Results.Json(body, JsonDefaults.Options, statusCode: status);
        }
        catch (System.Data.Common.DbException exception) when (database.Dialect.IsUniqueViolation(exception))
        {
            var winner = await FindAsync(seller, key, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return Replay(winner, requestPath, fingerprint);
        }
    }

    private Task<StoredResponse?> FindAsync(Seller seller, string key, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<StoredResponse>(_find, new { SellerId = seller.Id, Key = key }, cancellationToken);

    private static IResult Replay(StoredResponse earlier, string requestPath, string? fingerprint)
    {
        if (earlier.RequestPath != requestPath)
        {
            return Reused($"The {Header} was already used for {earlier.RequestPath}.");
        }

        // Keys remembered before bodies were fingerprinted have no hash; they replay as before.
        return earlier.RequestHash is not null && fingerprint is not null && earlier.RequestHash != fingerprint
            ? Reused($"The {Header} was already used with a different request body; use a new key for a new request.")
            : Results.Content(earlier.ResponseBody, "application/json", statusCode: earlier.StatusCode);
    }

    private static ProblemHttpResult Reused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused.", detail: detail);

    private sealed record StoredResponse(string RequestPath, string? RequestHash, int StatusCode, string ResponseBody);
}
