using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.CrmApi.Platform.Data;

/// <summary>
/// Dapper mappings that make one C# model fit both engines: SQLite stores Guids and times as TEXT, SQL Server as
/// UNIQUEIDENTIFIER and DATETIMEOFFSET. Values are written in the form the parameter's provider expects and read from
/// either form, because the test process talks to both providers.
/// </summary>
public static class TypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper's built-in type map wins over handlers, so the built-in entries are removed first.
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                // Upper-case "D" text, the spelling Microsoft.Data.Sqlite itself binds a Guid with. Dapper's list
                // expansion (IN @Ids) bypasses type handlers, so both paths must agree for SQL text equality to hold.
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D").ToUpperInvariant();
                return;
            }
            parameter.DbType = DbType.Guid;
            parameter.Value = value;
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from a {value.GetType().Name}"),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        // Fixed width and always UTC, so text order in SQLite is time order (the timeline index relies on it).
        private const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = Format(value);
                return;
            }
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset time => time.ToUniversalTime(),
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot read a DateTimeOffset from a {value.GetType().Name}"),
        };

        internal static string Format(DateTimeOffset value) =>
            value.UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);
    }
}
