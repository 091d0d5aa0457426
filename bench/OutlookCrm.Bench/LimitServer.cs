using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.Bench;

/// <summary>
/// The webhook intake's limit: a Kestrel endpoint that does nothing but parse the batch and insert the same inbox rows
/// into the same SQLite file (no verification, no cache, no counters). Run as its own process, like the server.
/// </summary>
public static class LimitServer
{
    public const string Switch = "--limit-server";

    public static async Task RunAsync(string databasePath, string url, Guid accountId, Guid mailboxId)
    {
        TypeHandlers.Register();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var connectionString = $"Data Source={databasePath}";
        app.MapPost("/webhooks/graph", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (!NotificationParser.TryParse(body.ToArray(), out var items, out _))
            {
                return Results.BadRequest();
            }
            var now = DateTimeOffset.UtcNow;
            var rows = items.Select(item => new InboxRow
            {
                Id = Guid.CreateVersion7(now),
                AccountId = accountId,
                MailboxId = mailboxId,
                Folder = "inbox",
                MessageId = item.MessageId ?? "",
                ChangeType = item.ChangeType ?? "created",
                ReceivedAt = now,
                Status = InboxStatuses.Pending,
                Attempts = 0,
                NotBefore = now,
            }).ToList();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA busy_timeout = 5000;");
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(InboxSql.Enqueue.For(DatabaseProvider.Sqlite), rows, transaction);
            await transaction.CommitAsync();
            return Results.Accepted();
        });
        app.MapGet("/health", () => Results.Ok());
        await app.RunAsync();
    }
}
