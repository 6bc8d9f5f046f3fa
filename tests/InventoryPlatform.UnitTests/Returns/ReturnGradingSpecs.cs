using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.UnitTests;

/// <summary>Grading, disposition, responsibility and reimbursement of returned units.</summary>
public sealed class ReturnGradingSpecs
{
    private static DispositionDecision Decide(
        ReturnGrade grade,
        bool opened = false,
        string? category = null,
        ReturnReason? reason = ReturnReason.CustomerChangedMind,
        GradingRules? rules = null
    ) => DispositionRules.Decide(new InspectionFinding(grade, opened, category), reason, rules ?? GradingRules.Default);

    [Test]
    public void Under_the_default_rules_each_grade_has_its_disposition_and_responsible_party()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Pick(Decide(ReturnGrade.Sellable)), Is.EqualTo((Disposition.Restock, Responsibility.Customer, false)));
            Assert.That(Pick(Decide(ReturnGrade.CustomerDamaged)), Is.EqualTo((Disposition.Liquidate, Responsibility.Customer, false)));
            Assert.That(Pick(Decide(ReturnGrade.CarrierDamaged)), Is.EqualTo((Disposition.Liquidate, Responsibility.Network, true)));
            Assert.That(Pick(Decide(ReturnGrade.WarehouseDamaged)), Is.EqualTo((Disposition.Liquidate, Responsibility.Network, true)));
            Assert.That(Pick(Decide(ReturnGrade.Defective)), Is.EqualTo((Disposition.RemoveToSeller, Responsibility.Seller, false)));
        });
    }

    [Test]
    public void Defective_units_never_restock_whatever_the_seller_chose()
    {
        var generous = new GradingRules(true, [], Disposition.Liquidate, Disposition.Dispose, Disposition.Dispose);

        var decision = Decide(ReturnGrade.Defective, opened: true, category: "books", rules: generous);

        Assert.That(decision.Restocks, Is.False);
        Assert.That(decision.Disposition, Is.EqualTo(Disposition.Dispose), "the seller chose where defective units go");
        Assert.That(
            GradingRules.Check(null, null, null, Disposition.Restock),
            Is.EqualTo(
                new[] { ("defective", "Units that are not sellable as new cannot restock: choose liquidate, removeToSeller or dispose.") }
            )
        );
    }

    [Test]
    public void Opened_but_like_new_units_restock_only_for_the_categories_the_seller_allows()
    {
        var booksOnly = new GradingRules(true, ["Books", "toys"], Disposition.Liquidate, Disposition.Liquidate, Disposition.RemoveToSeller);

        Assert.That(
            Decide(ReturnGrade.Sellable, opened: true, category: "books", rules: booksOnly).Disposition,
            Is.EqualTo(Disposition.Restock)
        );
        Assert.That(
            Decide(ReturnGrade.Sellable, opened: true, category: "electronics", rules: booksOnly).Disposition,
            Is.EqualTo(Disposition.Liquidate)
        );
        Assert.That(
            Decide(ReturnGrade.Sellable, opened: true, category: null, rules: booksOnly).Disposition,
            Is.EqualTo(Disposition.Liquidate)
        );
        Assert.That(
            Decide(ReturnGrade.Sellable, opened: false, category: "electronics", rules: booksOnly).Disposition,
            Is.EqualTo(Disposition.Restock),
            "sealed units restock in every category"
        );
        Assert.That(
            Decide(ReturnGrade.Sellable, opened: true, category: "electronics").Disposition,
            Is.EqualTo(Disposition.Restock),
            "by default opened like-new units restock in every category"
        );
    }

    [Test]
    public void A_seller_can_stop_opened_units_from_restocking_and_send_them_elsewhere()
    {
        var sealedOnly = new GradingRules(false, [], Disposition.RemoveToSeller, Disposition.Liquidate, Disposition.RemoveToSeller);

        var decision = Decide(ReturnGrade.Sellable, opened: true, category: "books", rules: sealedOnly);

        Assert.That(decision.Disposition, Is.EqualTo(Disposition.RemoveToSeller));
        Assert.That(decision.Rule, Is.EqualTo("The seller's rules never restock opened units."));
    }

    [Test]
    public void A_sellable_unit_returned_as_not_as_described_is_on_the_seller()
    {
        Assert.That(Decide(ReturnGrade.Sellable, reason: ReturnReason.NotAsDescribed).Responsibility, Is.EqualTo(Responsibility.Seller));
        Assert.That(
            Decide(ReturnGrade.Sellable, reason: null).Responsibility,
            Is.EqualTo(Responsibility.Customer),
            "an unexpected return has no reason"
        );
    }

    [Test]
    public void Rules_with_bad_categories_are_refused_naming_each()
    {
        var errors = GradingRules.Check(["books", "", "a,b"], null, null, null).ToList();

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "openedLikeNewCategories[1]", "openedLikeNewCategories[2]" }));
    }

    [Test]
    public void The_reimbursement_is_the_units_at_the_quantity_weighted_average_selling_price()
    {
        var sales = new[] { Sale(2, 10.00m), Sale(1, 13.00m), Sale(5, 8.00m, "EUR") };

        var price = Reimbursements.AverageSellingPrice(sales, "USD");

        Assert.That(price, Is.EqualTo(11.00m), "(2 × 10.00 + 1 × 13.00) ÷ 3");
        Assert.That(Reimbursements.Amount(3, price!.Value), Is.EqualTo(33.00m));
        Assert.That(Reimbursements.AverageSellingPrice(sales, "EUR"), Is.EqualTo(8.00m));
        Assert.That(Reimbursements.AverageSellingPrice(sales, "GBP"), Is.Null, "nothing sold in that currency");
    }

    [Test]
    public void Averages_keep_four_decimals_and_amounts_round_to_the_cent()
    {
        var price = Reimbursements.AverageSellingPrice([Sale(1, 9.99m), Sale(2, 10.00m)], "USD");

        Assert.That(price, Is.EqualTo(9.9967m), "29.99 ÷ 3 = 9.99666…");
        Assert.That(Reimbursements.Amount(2, price!.Value), Is.EqualTo(19.99m), "19.9934");
        Assert.That(Reimbursements.Amount(1, 0.125m), Is.EqualTo(0.13m), "half a cent rounds away from zero");
    }

    [Test]
    public void Without_an_order_the_reimbursement_currency_is_the_one_most_units_sold_in()
    {
        Assert.That(Reimbursements.MainCurrency([Sale(2, 1m, "USD"), Sale(5, 1m, "EUR"), Sale(1, 1m, "USD")]), Is.EqualTo("EUR"));
        Assert.That(Reimbursements.MainCurrency([]), Is.Null);
    }

    private static (Disposition, Responsibility, bool) Pick(DispositionDecision d) => (d.Disposition, d.Responsibility, d.Reimbursable);

    private static ShippedLine Sale(int quantity, decimal price, string currency = "USD") =>
        new(Guid.NewGuid(), "X0A", "SEA1", "US", quantity, price, currency, DateTimeOffset.UnixEpoch);
}
