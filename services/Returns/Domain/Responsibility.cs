namespace InventoryPlatform.Returns.Domain;

/// <summary>Who bears the loss of a returned unit.</summary>
public enum Responsibility
{
    Customer,
    Seller,

    /// <summary>The fulfillment network (a carrier or an FC): the seller is reimbursed.</summary>
    Network,
}
