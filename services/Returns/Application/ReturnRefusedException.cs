namespace InventoryPlatform.Returns.Application;

/// <summary>
/// A request refused after its shape was checked: by what is stored (an unknown order, a closed window, a unit already graded).
/// Thrown inside the transaction so nothing it did is kept; the endpoint answers with a problem of <see cref="Status"/>,
/// <see cref="Title"/> and <see cref="Errors"/>.
/// </summary>
public sealed class ReturnRefusedException(int status, string title, IReadOnlyDictionary<string, string[]> errors)
    : Exception($"{status} {title}")
{
    public ReturnRefusedException(int status, string title, string field, string reason)
        : this(status, title, new Dictionary<string, string[]> { [field] = [reason] }) { }

    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
