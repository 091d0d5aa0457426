namespace OutlookCrm.CrmApi.Platform.Data;

public static class DataExtensions
{
    /// <summary>The database (SQLite or SQL Server by configuration), Dapper's type handlers and the migrator.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        TypeHandlers.Register();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Database:ConnectionString is empty");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new Db(options, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Development and tests migrate at start; production runs <c>CrmApi migrate</c> once per release.</summary>
    public static WebApplication MigrateDatabaseIfConfigured(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        }
        return app;
    }
}
