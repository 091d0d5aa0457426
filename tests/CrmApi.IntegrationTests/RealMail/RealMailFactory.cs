using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>An API of its own whose every log entry is kept, so a replay can say that real mail caused no error.</summary>
public sealed class RealMailFactory : CrmApiFactory
{
    public CapturedLogs Logs { get; } = new();

    /// <summary>Entries at Error or above, with their category: an unhandled exception, a failed message, a 5xx.</summary>
    public List<string> Errors() =>
        Logs.Entries.Where(entry => entry.Level >= LogLevel.Error).Select(entry => $"{entry.Category}: {entry.Text}").ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
