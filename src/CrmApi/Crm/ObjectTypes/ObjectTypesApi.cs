using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Crm.ObjectTypes;

/// <summary><c>/api/object-types</c>: the built-in types and the custom ones an account defines (e.g. "project").</summary>
public static partial class ObjectTypesApi
{
    public sealed record CreateObjectTypeRequest(string? Name, string? Label, string? PluralLabel);

    public sealed record ObjectTypeList(IReadOnlyList<ObjectTypeResponse> Items);

    public static RouteGroupBuilder MapObjectTypes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/object-types").WithTags("Object types");
        group.MapGet("/", ListAsync).WithSummary("The account's object types");
        group.MapPost("/", CreateAsync).WithSummary("Define a custom object type");
        return api;
    }

    private static async Task<Ok<ObjectTypeList>> ListAsync(ObjectTypeStore types, CurrentUser user, CancellationToken ct)
    {
        var all = await types.GetManyAsync(user.AccountId, ct);
        return TypedResults.Ok(new ObjectTypeList(all.Select(type => type.ToResponse()).ToList()));
    }

    private static async Task<Results<Created<ObjectTypeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateObjectTypeRequest request, ObjectTypeStore types, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (!TypeName().IsMatch(name))
        {
            errors.Add("name", "A type name is 2 to 48 lower-case letters, digits or underscores, starting with a letter.");
        }
        var label = request.Label?.Trim() ?? "";
        if (label.Length is 0 or > 128)
        {
            errors.Add("label", "The label is required (at most 128 characters).");
        }
        var pluralLabel = string.IsNullOrWhiteSpace(request.PluralLabel) ? label + "s" : request.PluralLabel.Trim();
        if (pluralLabel.Length > 128)
        {
            errors.Add("pluralLabel", "The plural label is at most 128 characters.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (BuiltinTypes.IsBuiltin(name) || await types.GetByNameAsync(user.AccountId, name, ct) is not null)
        {
            return Problems.Conflict("name", $"An object type named '{name}' already exists.");
        }
        var type = new ObjectType
        {
            Id = clock.NewId(),
            AccountId = user.AccountId,
            Name = name,
            Label = label,
            PluralLabel = pluralLabel,
            IsBuiltin = false,
            CreatedAt = clock.GetUtcNow(),
        };
        await types.CreateAsync(type, ct);
        return TypedResults.Created($"/api/object-types/{name}", type.ToResponse());
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,47}$")]
    private static partial Regex TypeName();
}
