using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>
/// A body that is not JSON, has a value of the wrong type or a member the request does not have becomes a 400
/// problem that names the field (its JSON path), instead of an empty 400. Messages never echo internal type names.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var (field, message) = Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        var details = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "One or more validation errors occurred.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$').TrimStart('.');
            var message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This member is not part of the request."
                : json.Path is null ? "The body is not valid JSON." : "This value is not valid here (wrong type or malformed).";
            return (field, message);
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("body", "The request body is too large.");
        }
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "A JSON body is required (Content-Type: application/json).");
        }
        return ("request", "The request could not be read.");
    }
}
