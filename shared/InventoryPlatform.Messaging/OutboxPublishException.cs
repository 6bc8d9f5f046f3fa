using System.Collections.Concurrent;
using System.Text.Json;
using InventoryPlatform.Data;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Messaging;

public sealed class OutboxPublishException(string message) : Exception(message);
