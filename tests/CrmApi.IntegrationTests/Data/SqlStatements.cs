using System.Reflection;
using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.IntegrationTests.Data;

/// <summary>Every SQL statement the stores run, found by reflection over the <c>*Sql</c> classes, per dialect.</summary>
public static partial class SqlStatements
{
    public static IReadOnlyList<(string Name, string Sql)> For(DatabaseProvider provider)
    {
        var statements = new List<(string, string)>();
        var sqlClasses = typeof(Db).Assembly.GetTypes().Where(type => type.Name.EndsWith("Sql", StringComparison.Ordinal) && type.Namespace?.StartsWith("OutlookCrm.CrmApi", StringComparison.Ordinal) == true);
        foreach (var type in sqlClasses)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var sql = field.GetValue(null) switch
                {
                    string text => text,
                    DialectSql dialect => dialect.For(provider),
                    _ => null,
                };
                if (sql is not null)
                {
                    statements.Add(($"{type.Name}.{field.Name}", WithListsExpanded(sql)));
                }
            }
        }
        return statements;
    }

    /// <summary>Dapper expands <c>IN @Ids</c> into <c>IN (@Ids1, @Ids2)</c> at run time; the parsers need the expanded form.</summary>
    private static string WithListsExpanded(string sql) => ListParameter().Replace(sql, "IN (@$1)");

    [GeneratedRegex(@"IN @(\w+)")]
    private static partial Regex ListParameter();
}
