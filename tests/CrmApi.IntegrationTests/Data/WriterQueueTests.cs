using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>SQLite's one writer at a time, queued in the process rather than retried in SQLite's busy handler.</summary>
public class WriterQueueTests
{
    private static Db NewDb() => new(
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=writers.db" },
        Directory.CreateTempSubdirectory("outlookcrm-writers-").FullName);

    [Fact]
    public async Task A_second_writer_waits_until_the_first_write_connection_is_disposed()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = NewDb();
        var first = await db.OpenForWriteAsync(ct);
        var second = db.OpenForWriteAsync(ct);
        await Task.Delay(100, ct);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var opened = await second.WaitAsync(TimeSpan.FromSeconds(5), ct);
        Assert.Equal(System.Data.ConnectionState.Open, opened.State);
    }

    [Fact]
    public async Task Disposing_a_write_connection_twice_gives_its_turn_back_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = NewDb();
        var connection = await db.OpenForWriteAsync(ct);
        connection.Dispose();
        await connection.DisposeAsync();

        await using var next = await db.OpenForWriteAsync(ct);
        var third = db.OpenForWriteAsync(ct);
        await Task.Delay(100, ct);
        Assert.False(third.IsCompleted);
        await next.DisposeAsync();
        await using var last = await third.WaitAsync(TimeSpan.FromSeconds(5), ct);
    }

    [Fact]
    public async Task A_failed_transaction_gives_the_turn_back_and_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = NewDb();
        await db.InTransactionAsync(async transaction =>
        {
            await using var create = transaction.Connection!.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE notes (text TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(ct);
        }, ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async transaction =>
        {
            await using var insert = transaction.Connection!.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO notes (text) VALUES ('half')";
            await insert.ExecuteNonQueryAsync(ct);
            throw new InvalidOperationException("the second write failed");
        }, ct));

        await using var connection = await db.OpenForWriteAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM notes";
        Assert.Equal(0L, await count.ExecuteScalarAsync(ct));
    }
}
