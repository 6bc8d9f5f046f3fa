namespace InventoryPlatform.Returns.Domain;

public static class ReturnProgress
{
    public static ReturnStatus StatusOf(bool unexpected, int authorized, int received, int graded) =>
        unexpected ? (received > 0 && graded >= received ? ReturnStatus.Inspected : ReturnStatus.Unexpected)
        : received == 0 ? ReturnStatus.Authorized
        : received < authorized ? ReturnStatus.PartiallyReceived
        : graded >= received ? ReturnStatus.Inspected
        : ReturnStatus.Received;
}
