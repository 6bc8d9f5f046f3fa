using InventoryPlatform.Data;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Application;

/// <summary>
/// Authorizes the return of shipped units of an order line, in the caller's transaction (the idempotent request's), with the
/// order's lines locked so concurrent authorizations never exceed what shipped. Refusals throw <see cref="ReturnRefusedException"/>.
/// </summary>
public sealed class AuthorizeReturnHandler(
    ShippedLineRepository shipped,
    ReturnRepository returns,
    ReturnWindows windows,
    TimeProvider time
)
{
    public async Task<ReturnRecord> HandleAsync(
        UnitOfWork unit,
        string sellerId,
        Guid orderId,
        string fnsku,
        int quantity,
        ReturnReason reason
    )
    {
        var lines = await shipped.LockOrderAsync(unit, sellerId, orderId);
        var authorized = lines.Count == 0 ? 0 : await returns.AuthorizedUnitsAsync(unit, orderId, fnsku);
        var now = time.GetUtcNow();
        if (ReturnAuthorizationRules.Check(orderId, fnsku, quantity, lines, authorized, now, windows) is { } refusal)
        {
            throw Refused(refusal);
        }

        var ofFnsku = lines.Where(l => l.Fnsku == fnsku).ToList();
        var record = new ReturnRecord(
            Guid.CreateVersion7(),
            sellerId,
            false,
            orderId,
            fnsku,
            ofFnsku[0].Marketplace,
            reason,
            quantity,
            0,
            0,
            ReturnAuthorizationRules.WindowClosesAt(ofFnsku, windows).UtcDateTime,
            now.UtcDateTime,
            now.UtcDateTime
        );
        await returns.CreateAsync(unit, record);
        return record;
    }

    private static ReturnRefusedException Refused(Refusal refusal) =>
        refusal.Kind switch
        {
            RefusalKind.UnknownOrder => new(StatusCodes.Status404NotFound, "Order not found.", refusal.Field, refusal.Reason),
            RefusalKind.FnskuNotShipped => new(
                StatusCodes.Status422UnprocessableEntity,
                "The item was not shipped on this order.",
                refusal.Field,
                refusal.Reason
            ),
            RefusalKind.WindowClosed => new(
                StatusCodes.Status422UnprocessableEntity,
                "The return window has closed.",
                refusal.Field,
                refusal.Reason
            ),
            RefusalKind.MoreThanShipped => new(
                StatusCodes.Status422UnprocessableEntity,
                "More units than can be returned.",
                refusal.Field,
                refusal.Reason
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
}
