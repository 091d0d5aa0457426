using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

public class MigrationTests
{
    [Fact]
    public void Folders_HoldTheSameScriptNames()
    {
        var sqlite = MigrationScripts.For(DatabaseProvider.Sqlite).Select(script => script.Name);
        var sqlServer = MigrationScripts.For(DatabaseProvider.SqlServer).Select(script => script.Name);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, sqlServer);
        Assert.All(sqlite, name => Assert.Matches(@"^\d{4}-\d{2}-\d{2}_\d{2}_[A-Z][A-Za-z0-9]+\.sql$", name));
    }

    [Fact]
    public void Sqlite_MigrateTwice_EveryStatementPrepares()
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-migrate-");
        try
        {
            var db = new Db(new DatabaseOptions { ConnectionString = "Data Source=crm.db" }, folder.FullName);
            var migrator = new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance);
            migrator.Migrate();
            migrator.Migrate();

            using var connection = new SqliteConnection(db.ConnectionString);
            connection.Open();
            Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode;"));
            var statements = SqlStatements.For(DatabaseProvider.Sqlite);
            Assert.True(statements.Count > 30, $"only {statements.Count} statements found");
            foreach (var (name, sql) in statements)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                var error = Record.Exception(command.Prepare);
                Assert.True(error is null, $"{name} does not prepare on SQLite: {error?.Message}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SqlServer_EveryMigrationParsesOffline()
    {
        foreach (var (name, text) in MigrationScripts.For(DatabaseProvider.SqlServer))
        {
            AssertParses(name, text);
        }
    }

    [Fact]
    public void SqlServer_EveryStatementParsesOffline()
    {
        var statements = SqlStatements.For(DatabaseProvider.SqlServer);

        Assert.True(statements.Count > 30, $"only {statements.Count} statements found");
        foreach (var (name, sql) in statements)
        {
            AssertParses(name, sql);
        }
    }

    [Fact]
    public void SqlServer_ParserCatchesAMistake()
    {
        var errors = Parse("SELECT TOP (@Limit) id FROM records WHERE account_id = @AccountId LIMIT 5");

        Assert.NotEmpty(errors);
    }

    private static void AssertParses(string name, string sql)
    {
        var errors = Parse(sql);
        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(error => $"line {error.Line}: {error.Message}"))}");
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
