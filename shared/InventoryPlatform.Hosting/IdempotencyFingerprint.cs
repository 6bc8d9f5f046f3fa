using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The SHA-256 of a request body sent with an <c>Idempotency-Key</c>, taken before the endpoint reads the body, so
/// <see cref="IdempotentRequests"/> can tell a true repeat from the same key reused for a different request.
/// </summary>
internal static class IdempotencyFingerprint
{
    private const string Item = "idempotency-fingerprint";

    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Headers.ContainsKey(IdempotentRequests.Header) && context.Request.Body.CanRead)
        {
            context.Request.EnableBuffering();
            context.Items[Item] = Convert.ToHexString(await SHA256.HashDataAsync(context.Request.Body, context.RequestAborted));
            context.Request.Body.Position = 0;
        }

        await next(context);
    }

    public static string? Of(HttpContext? context) => context?.Items[Item] as string;
}
