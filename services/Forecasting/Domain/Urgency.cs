namespace InventoryPlatform.Forecasting.Domain;

public enum Urgency
{
    None,
    Normal,
    High,
    Critical,
}
