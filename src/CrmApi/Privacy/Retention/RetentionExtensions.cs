namespace OutlookCrm.CrmApi.Privacy.Retention;

public static class RetentionExtensions
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RetentionStore>();
        builder.Services.AddSingleton<RetentionPurge>();
        if (options.Enabled)
        {
            builder.Services.AddHostedService<RetentionSweeper>();
        }
        return builder;
    }
}
