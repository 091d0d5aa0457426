using Microsoft.AspNetCore.Http.HttpResults;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// What a feature handler returns for an expected outcome: a value, invalid input (400 with every field at fault),
/// something the request names that does not exist (404 naming the field), or something the caller may see but not
/// change (403). The one shape of "value or problems"; exceptions stay for bugs and outages.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Outcome<T>.Done(...) reads as the outcome it makes; the type argument is the point.")]
public sealed class Outcome<T>
{
    private Outcome(T? value, ValidationErrors? errors, string? missingField, string? missingDetail, string? forbidden = null)
    {
        Value = value;
        Errors = errors;
        MissingField = missingField;
        MissingDetail = missingDetail;
        ForbiddenDetail = forbidden;
    }

    public T? Value { get; }

    public ValidationErrors? Errors { get; }

    public string? MissingField { get; }

    public string? MissingDetail { get; }

    /// <summary>Why the caller may not do this, when that is the outcome.</summary>
    public string? ForbiddenDetail { get; }

    public bool IsDone => Errors is null && MissingField is null && ForbiddenDetail is null;

    public static Outcome<T> Done(T value) => new(value, null, null, null);

    public static Outcome<T> Invalid(ValidationErrors errors) => new(default, errors, null, null);

    public static Outcome<T> Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static Outcome<T> NotFound(string field, string detail) => new(default, null, field, detail);

    public static Outcome<T> Forbidden(string detail) => new(default, null, null, null, detail);

    /// <summary>This outcome's refusal as an outcome of another type, for a caller that hands it on.</summary>
    public Outcome<TOther> Failed<TOther>() =>
        IsDone ? throw new InvalidOperationException("A done outcome has no refusal to hand on") : new(default, Errors, MissingField, MissingDetail, ForbiddenDetail);

    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk() =>
        Errors is not null ? Problems.Invalid(Errors)
        : Problem() is { } problem ? problem
        : TypedResults.Ok(Value!);

    /// <summary>The 404 or 403 of a refusal that is not about the input's fields; null otherwise.</summary>
    public ProblemHttpResult? Problem() =>
        MissingField is not null ? Problems.NotFound(MissingField, MissingDetail!)
        : ForbiddenDetail is not null ? Problems.Forbidden(ForbiddenDetail)
        : null;

    public Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated(Func<T, string> location) =>
        Errors is not null ? Problems.Invalid(Errors)
        : Problem() is { } problem ? problem
        : TypedResults.Created(location(Value!), Value!);
}
