using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

public sealed class UnauthenticatedException(string message) : Exception(message);
