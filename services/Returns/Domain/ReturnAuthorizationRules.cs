namespace InventoryPlatform.Returns.Domain;

public static class ReturnAuthorizationRules
{
    /// <summary>
    /// Decides whether <paramref name="quantity"/> units of <paramref name="fnsku"/> from an order may be authorized for return at
    /// <paramref name="now"/>. <paramref name="orderLines"/> are all the order's shipped lines for this seller (empty: no such order);
    /// <paramref name="alreadyAuthorized"/> the units of that FNSKU on earlier authorizations of the order.
    /// The window runs from the latest shipment of the FNSKU: the customer cannot return what has not arrived.
    /// </summary>
    public static Refusal? Check(
        Guid orderId,
        string fnsku,
        int quantity,
        IReadOnlyList<ShippedLine> orderLines,
        int alreadyAuthorized,
        DateTimeOffset now,
        ReturnWindows windows
    )
    {
        if (orderLines.Count == 0)
        {
            return new Refusal(RefusalKind.UnknownOrder, "orderId", $"No shipped order {orderId} exists for this seller.");
        }

        var lines = orderLines.Where(l => string.Equals(l.Fnsku, fnsku, StringComparison.Ordinal)).ToList();
        if (lines.Count == 0)
        {
            return new Refusal(RefusalKind.FnskuNotShipped, "fnsku", $"No units of {fnsku} were shipped on order {orderId}.");
        }

        var marketplace = lines[0].Marketplace;
        var closesAt = WindowClosesAt(lines, windows);
        if (now > closesAt)
        {
            return new Refusal(
                RefusalKind.WindowClosed,
                "orderId",
                $"The return window of {windows.DaysFor(marketplace)} days for marketplace {marketplace} closed at "
                    + $"{closesAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}."
            );
        }

        var shipped = lines.Sum(l => l.Quantity);
        var returnable = shipped - alreadyAuthorized;
        if (quantity > returnable)
        {
            return new Refusal(
                RefusalKind.MoreThanShipped,
                "quantity",
                $"Only {Math.Max(returnable, 0)} more unit(s) can be returned: {shipped} shipped, {alreadyAuthorized} already authorized."
            );
        }

        return null;
    }

    /// <summary>When the window of a return closes: the latest shipment of its FNSKU on the order, plus the marketplace's days.</summary>
    public static DateTimeOffset WindowClosesAt(IReadOnlyList<ShippedLine> linesOfFnsku, ReturnWindows windows) =>
        windows.ClosesAt(linesOfFnsku[0].Marketplace, linesOfFnsku.Max(l => l.ShippedAt));
}
