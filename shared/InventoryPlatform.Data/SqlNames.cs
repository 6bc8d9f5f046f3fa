using System.Globalization;
using System.Text;

namespace InventoryPlatform.Data;

/// <summary>Maps snake_case column names to the camel-free parameter names Dapper binds from C# properties.</summary>
public static class SqlNames
{
    /// <summary><c>seller_id</c> → <c>SellerId</c>, which Dapper matches case-insensitively to a property.</summary>
    public static string ToParameterName(string column)
    {
        var builder = new StringBuilder(column.Length);
        var upper = true;
        foreach (var c in column)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            upper = false;
        }

        return builder.ToString();
    }
}
