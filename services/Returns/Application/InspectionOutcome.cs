using InventoryPlatform.Returns.Data;

namespace InventoryPlatform.Returns.Application;

public sealed record InspectionOutcome(InspectionRecord Inspection, IReadOnlyList<string> UnitIds, ReimbursementOutcome? Reimbursement);
