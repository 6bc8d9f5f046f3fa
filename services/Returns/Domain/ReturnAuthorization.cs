namespace InventoryPlatform.Returns.Domain;

/// <summary>Why the customer sends the item back, as the marketplace reports it.</summary>
public enum ReturnReason
{
    CustomerChangedMind,
    Defective,
    DamagedInTransit,
    WrongItem,
    NotAsDescribed,
    MissingParts,
    ArrivedTooLate,
}

/// <summary>Units of one FNSKU that left one FC for an order (the projection of <c>OrderShipped</c>).</summary>
public sealed record ShippedLine(
    Guid OrderId,
    string Fnsku,
    string FulfillmentCenter,
    string Marketplace,
    int Quantity,
    decimal UnitPrice,
    string Currency,
    DateTimeOffset ShippedAt
);

/// <summary>How long after shipping a customer may still return, per marketplace (days), and the default elsewhere.</summary>
public sealed record ReturnWindows(int DefaultDays, IReadOnlyDictionary<string, int> DaysByMarketplace)
{
    public const int StandardDays = 30;

    public static ReturnWindows Standard { get; } = new(StandardDays, new Dictionary<string, int>());

    public int DaysFor(string marketplace)
    {
        foreach (var (key, days) in DaysByMarketplace)
        {
            if (string.Equals(key, marketplace, StringComparison.OrdinalIgnoreCase))
            {
                return days;
            }
        }

        return DefaultDays;
    }

    public DateTimeOffset ClosesAt(string marketplace, DateTimeOffset shippedAt) => shippedAt.AddDays(DaysFor(marketplace));
}

public enum RefusalKind
{
    /// <summary>No shipped order with that id for this seller (unknown, or another seller's: the same answer, so nothing leaks).</summary>
    UnknownOrder,
    FnskuNotShipped,
    WindowClosed,
    MoreThanShipped,
}

/// <summary>Why an authorization is refused, naming the request field at fault.</summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Reason);

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

public enum ReturnStatus
{
    /// <summary>Authorized; no unit has arrived yet.</summary>
    Authorized,
    PartiallyReceived,
    Received,

    /// <summary>Every unit received has been graded and every authorized unit has arrived.</summary>
    Inspected,

    /// <summary>Units arrived without an authorization: received and flagged, waiting for grading.</summary>
    Unexpected,
}

public static class ReturnProgress
{
    public static ReturnStatus StatusOf(bool unexpected, int authorized, int received, int graded) =>
        unexpected ? (received > 0 && graded >= received ? ReturnStatus.Inspected : ReturnStatus.Unexpected)
        : received == 0 ? ReturnStatus.Authorized
        : received < authorized ? ReturnStatus.PartiallyReceived
        : graded >= received ? ReturnStatus.Inspected
        : ReturnStatus.Received;
}
