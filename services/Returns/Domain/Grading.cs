using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Domain;

/// <summary>What happens to graded units.</summary>
public enum Disposition
{
    /// <summary>Back on the shelf at the FC that received it, sellable as new.</summary>
    Restock,

    /// <summary>Unfulfillable; sold off at recovery value (a Liquidation candidate).</summary>
    Liquidate,

    /// <summary>Unfulfillable; shipped back to the seller.</summary>
    RemoveToSeller,

    /// <summary>Unfulfillable; destroyed or recycled.</summary>
    Dispose,
}

/// <summary>Who bears the loss of a returned unit.</summary>
public enum Responsibility
{
    Customer,
    Seller,

    /// <summary>The fulfillment network (a carrier or an FC): the seller is reimbursed.</summary>
    Network,
}

/// <summary>What the inspector found for a set of units of one return.</summary>
public sealed record InspectionFinding(ReturnGrade Grade, bool OpenedPackaging, string? Category);

/// <summary>
/// A seller's grading rules. Sealed sellable units always restock and damaged or defective units never do; what a seller
/// tunes is whether opened-but-like-new units restock (and for which product categories: none listed means all), and
/// where unsellable units go.
/// </summary>
public sealed record GradingRules(
    bool RestockOpenedLikeNew,
    IReadOnlyList<string> OpenedLikeNewCategories,
    Disposition OpenedNotRestocked,
    Disposition Damaged,
    Disposition Defective
)
{
    public static GradingRules Default { get; } = new(true, [], Disposition.Liquidate, Disposition.Liquidate, Disposition.RemoveToSeller);

    public const int MaxCategories = 50;

    public const int MaxCategoryLength = 50;

    /// <summary>Field errors of rules a seller submitted (field names as in the API).</summary>
    public static IEnumerable<(string Field, string Reason)> Check(
        IReadOnlyList<string?>? categories,
        Disposition? openedNotRestocked,
        Disposition? damaged,
        Disposition? defective
    )
    {
        if (categories is { Count: > MaxCategories })
        {
            yield return ("openedLikeNewCategories", $"At most {MaxCategories} categories.");
        }

        for (var i = 0; i < (categories?.Count ?? 0); i++)
        {
            var category = categories![i];
            if (string.IsNullOrWhiteSpace(category) || category.Length > MaxCategoryLength || category.Contains(','))
            {
                yield return (
                    $"openedLikeNewCategories[{i}]",
                    $"Must be a category name of 1-{MaxCategoryLength} characters without commas."
                );
            }
        }

        foreach (var (field, value) in new[] { ("openedNotRestocked", openedNotRestocked), ("damaged", damaged), ("defective", defective) })
        {
            if (value == Disposition.Restock)
            {
                yield return (field, "Units that are not sellable as new cannot restock: choose liquidate, removeToSeller or dispose.");
            }
        }
    }

    public bool AllowsOpenedRestock(string? category) =>
        RestockOpenedLikeNew
        && (
            OpenedLikeNewCategories.Count == 0
            || (category is not null && OpenedLikeNewCategories.Contains(category.Trim(), StringComparer.OrdinalIgnoreCase))
        );
}

/// <summary>The decision for graded units, with the rule that made it (shown to the seller).</summary>
public sealed record DispositionDecision(Disposition Disposition, Responsibility Responsibility, bool Reimbursable, string Rule)
{
    public bool Restocks => Disposition == Disposition.Restock;
}

public static class DispositionRules
{
    /// <summary>
    /// Where graded units go and who is responsible. Carrier and warehouse damage are the network's fault: the seller is
    /// reimbursed. Defects are the seller's; customer damage the customer's; a sellable unit returned as "not as described"
    /// is on the seller's listing, any other sellable return on the customer.
    /// </summary>
    public static DispositionDecision Decide(InspectionFinding finding, ReturnReason? reason, GradingRules rules) =>
        finding.Grade switch
        {
            ReturnGrade.Sellable when !finding.OpenedPackaging => new(
                Disposition.Restock,
                SellableResponsibility(reason),
                false,
                "Sealed sellable units restock."
            ),
            ReturnGrade.Sellable when rules.AllowsOpenedRestock(finding.Category) => new(
                Disposition.Restock,
                SellableResponsibility(reason),
                false,
                "Opened but like new: the seller's rules restock it for this category."
            ),
            ReturnGrade.Sellable => new(
                rules.OpenedNotRestocked,
                SellableResponsibility(reason),
                false,
                rules.RestockOpenedLikeNew
                    ? $"Opened units of category '{finding.Category ?? "(none)"}' do not restock under the seller's rules."
                    : "The seller's rules never restock opened units."
            ),
            ReturnGrade.CustomerDamaged => new(
                rules.Damaged,
                Responsibility.Customer,
                false,
                "Damaged by the customer: unsellable, the customer's responsibility."
            ),
            ReturnGrade.CarrierDamaged => new(
                rules.Damaged,
                Responsibility.Network,
                true,
                "Damaged by the carrier: unsellable, reimbursed to the seller."
            ),
            ReturnGrade.WarehouseDamaged => new(
                rules.Damaged,
                Responsibility.Network,
                true,
                "Damaged in a fulfillment center: unsellable, reimbursed to the seller."
            ),
            ReturnGrade.Defective => new(rules.Defective, Responsibility.Seller, false, "Defective units never restock."),
            _ => throw new ArgumentOutOfRangeException(nameof(finding), finding.Grade, "Unknown grade."),
        };

    private static Responsibility SellableResponsibility(ReturnReason? reason) =>
        reason == ReturnReason.NotAsDescribed ? Responsibility.Seller : Responsibility.Customer;
}

/// <summary>What the network owes a seller for units it damaged: the average price the FNSKU sold at.</summary>
public static class Reimbursements
{
    /// <summary>
    /// The quantity-weighted average selling price of the shipped lines in the given currency, to 4 decimals; null when
    /// nothing sold in it.
    /// </summary>
    public static decimal? AverageSellingPrice(IEnumerable<ShippedLine> lines, string currency)
    {
        var inCurrency = lines
            .Where(l => string.Equals(l.Currency, currency, StringComparison.OrdinalIgnoreCase) && l.Quantity > 0)
            .ToList();
        var units = inCurrency.Sum(l => l.Quantity);
        return units == 0 ? null : Math.Round(inCurrency.Sum(l => l.UnitPrice * l.Quantity) / units, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>The currency most units of the FNSKU sold in (the one to reimburse in when the return has no order).</summary>
    public static string? MainCurrency(IEnumerable<ShippedLine> lines) =>
        lines
            .GroupBy(l => l.Currency.ToUpperInvariant())
            .OrderByDescending(g => g.Sum(l => l.Quantity))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>Units × average price, rounded to the cent.</summary>
    public static decimal Amount(int units, decimal averagePrice) => Math.Round(units * averagePrice, 2, MidpointRounding.AwayFromZero);
}
