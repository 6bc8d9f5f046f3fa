using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;

namespace InventoryPlatform.UnitTests;

public sealed class NetworkReferencesSpecs
{
    private static readonly NetworkReferences Network = new(
        3,
        new Dictionary<string, (string, string)> { ["SEA1"] = ("US", "US-West") },
        new Dictionary<string, string> { ["US-West"] = "US" },
        new HashSet<string> { "US" }
    );

    [Test]
    public void A_code_the_network_does_not_hold_is_an_error_naming_the_field()
    {
        var validation = new Validation();

        Network.Require(validation, NetworkReference.FulfillmentCenter, "fulfillmentCenter", "NOPE");
        Network.Require(validation, NetworkReference.Region, "region", "US-Nowhere");
        Network.Require(validation, NetworkReference.Marketplace, "marketplace", "ZZ");

        Assert.That(validation.HasError("fulfillmentCenter") && validation.HasError("region") && validation.HasError("marketplace"));
    }

    [Test]
    public void Known_codes_pass_FCs_and_marketplaces_in_any_case()
    {
        var validation = new Validation();

        Network.Require(validation, NetworkReference.FulfillmentCenter, "fulfillmentCenter", "sea1");
        Network.Require(validation, NetworkReference.Region, "region", "US-West");
        Network.Require(validation, NetworkReference.Marketplace, "marketplace", "us");
        Network.Require(validation, NetworkReference.FulfillmentCenter, "filter", null, required: false);

        Assert.That(validation.IsValid);
    }

    [Test]
    public void A_field_that_already_has_an_error_gets_no_second_reason()
    {
        var validation = new Validation().Add("fulfillmentCenter", "Must be letters and digits.");

        Network.Require(validation, NetworkReference.FulfillmentCenter, "fulfillmentCenter", "SEA-1");
        Network.Require(validation, NetworkReference.FulfillmentCenter, "missing", null);

        var errors = ((Microsoft.AspNetCore.Http.HttpResults.ValidationProblem)validation.Problem()).ProblemDetails.Errors;
        Assert.That(errors["fulfillmentCenter"], Is.EqualTo(new[] { "Must be letters and digits." }));
        Assert.That(errors["missing"], Is.EqualTo(new[] { "Is required." }));
    }
}
