using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OutlookCrm.CrmApi.Platform.Common;

/// <summary>
/// Ids in routes are taken as text and parsed here, so a malformed id is a 400 that names the field instead of the
/// bare 404 a route constraint would give.
/// </summary>
public static class RouteIds
{
    public static bool TryParse(string value, string field, out Guid id, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        if (Guid.TryParse(value, out id))
        {
            problem = null;
            return true;
        }
        problem = Problems.Invalid(field, "Not a valid id (a GUID is expected).");
        return false;
    }
}
