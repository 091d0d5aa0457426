using OutlookCrm.GraphEmulator;

// Standalone host: the same endpoints CrmApi mounts in-process, on their own port.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGraphEmulator();

var app = builder.Build();
app.MapGraphEmulator();
app.Run();
