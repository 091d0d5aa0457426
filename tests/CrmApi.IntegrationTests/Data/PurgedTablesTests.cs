using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>
/// A never-log purge moves emails into the purged_* tables and back with INSERT ... SELECT of one column list: a column
/// added to a live email table and not to its purged twin (and to EmailTrashSql) would be lost by a purge and restore.
/// </summary>
public class PurgedTablesTests
{
    [Theory]
    [InlineData("emails", "purged_emails")]
    [InlineData("email_participants", "purged_email_participants")]
    [InlineData("email_associations", "purged_email_associations")]
    [InlineData("email_sightings", "purged_email_sightings")]
    public void EachPurgedTable_HasItsLiveTablesColumns_PlusThePurge(string live, string purged)
    {
        var folder = Directory.CreateTempSubdirectory("outlookcrm-purged-");
        try
        {
            var db = new Db(new DatabaseOptions { ConnectionString = "Data Source=crm.db" }, folder.FullName);
            new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
            using var connection = new SqliteConnection(db.ConnectionString);
            connection.Open();
            List<string> Columns(string table) => connection.Query<string>($"SELECT name FROM pragma_table_info('{table}')").Order().ToList();

            Assert.Equal(Columns(live), Columns(purged).Where(column => column != "purge_id").ToList());
            Assert.Contains("purge_id", Columns(purged));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
