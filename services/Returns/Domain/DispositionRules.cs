using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Domain;

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
