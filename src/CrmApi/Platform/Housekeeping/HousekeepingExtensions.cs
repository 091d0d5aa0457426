namespace OutlookCrm.CrmApi.Platform.Housekeeping;

public static class HousekeepingExtensions
{
    /// <summary>The purge and its sweeper; the tables register themselves as <see cref="IAgedRows"/> where they are composed.</summary>
    public static WebApplicationBuilder AddHousekeeping(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HousekeepingOptions.Section).Get<HousekeepingOptions>() ?? new HousekeepingOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<HousekeepingPurge>();
        if (options.Enabled)
        {
            builder.Services.AddHostedService<HousekeepingSweeper>();
        }
        return builder;
    }
}
