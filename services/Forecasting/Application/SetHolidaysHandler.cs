using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>Adds or renames a marketplace's holidays (the last of a date given twice wins) and returns them all.</summary>
public sealed class SetHolidaysHandler(Database database, CalendarRepository calendar)
{
    public async Task<IReadOnlyList<Holiday>> HandleAsync(
        string sellerId,
        string marketplace,
        IEnumerable<(DateOnly Date, string Name)> holidays,
        CancellationToken cancellationToken
    )
    {
        var unique = holidays.Select(h => new Holiday(marketplace, h.Date, h.Name)).GroupBy(h => h.Date).Select(g => g.Last()).ToList();
        await database.InTransactionAsync(unit => calendar.SaveHolidaysAsync(unit, sellerId, unique), cancellationToken);
        return await calendar.HolidaysAsync(sellerId, marketplace, cancellationToken);
    }
}
