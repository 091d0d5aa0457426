using Microsoft.AspNetCore.Http.HttpResults;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// RFC 9457 problem details that name the field at fault. A 400 carries <c>errors: {field: [messages]}</c>
/// (ASP.NET Core's validation problem); a 404 or 409 carries the same <c>errors</c> member for the one field.
/// </summary>
public static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static ProblemHttpResult NotFound(string field, string detail) => WithField(StatusCodes.Status404NotFound, "Not found", field, detail);

    public static ProblemHttpResult Conflict(string field, string detail) => WithField(StatusCodes.Status409Conflict, "Conflict", field, detail);

    public static ProblemHttpResult TooLarge(string field, string detail) =>
        WithField(StatusCodes.Status413PayloadTooLarge, "Request body too large", field, detail);

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    private static ProblemHttpResult WithField(int status, string title, string field, string detail) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });
}

/// <summary>Collects every field error of a request so the caller sees them all at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
}
