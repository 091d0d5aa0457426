using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

/// <summary>
/// The development token issuer. Its tokens look like Entra ID v2 access tokens (tid, oid, scp, preferred_username,
/// name) and go through the same JwtBearer validation as real ones; only the issuer and the signing key differ.
/// The RSA key is made on first use and kept in the git-ignored data folder, never in the repository.
/// </summary>
public sealed class DevTokenIssuer
{
    public const string Issuer = "https://dev-issuer.outlookcrm.local/v2.0";

    /// <summary>The client id (azp) of the development add-in, as Entra names the app that asked for a token.</summary>
    public const string ClientId = "outlookcrm-dev-addin";

    private readonly AuthOptions _options;
    private readonly TimeProvider _clock;

    public DevTokenIssuer(AuthOptions options, string contentRoot, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        SigningKey = new RsaSecurityKey(LoadOrCreateKey(Path.GetFullPath(options.DevIssuer.KeyPath, contentRoot))) { KeyId = "outlookcrm-dev" };
    }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>A token for the user; tests vary the audience, lifetime or scope to prove each is checked.</summary>
    public string Issue(
        string tenantId, string objectId, string email, string displayName, string? audience = null, TimeSpan? lifetime = null, string? scope = null,
        IReadOnlyList<string>? roles = null, IReadOnlyDictionary<string, string>? claims = null)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? _options.Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? _options.DevIssuer.TokenLifetime),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(CrmClaims.TenantId, tenantId),
                new Claim(CrmClaims.ObjectId, objectId),
                new Claim(CrmClaims.Scope, scope ?? _options.RequiredScope),
                new Claim(CrmClaims.PreferredUsername, email),
                new Claim(CrmClaims.Name, displayName),
                new Claim("ver", "2.0"),
                .. (roles ?? [CrmRoles.User]).Select(role => new Claim(CrmRoles.ClaimType, role)),
                // Tests override azp or acct to play a foreign app or a guest; an empty value leaves the claim out.
                .. new Dictionary<string, string> { [CrmClaims.AuthorizedParty] = ClientId, [CrmClaims.AccountStatus] = "0" }
                    .Concat(claims ?? new Dictionary<string, string>())
                    .GroupBy(claim => claim.Key).Select(group => group.Last()).Where(claim => claim.Value.Length > 0)
                    .Select(claim => new Claim(claim.Key, claim.Value)),
            ]),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static RSA LoadOrCreateKey(string path)
    {
        var rsa = RSA.Create(2048);
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
        File.Move(temporary, path, overwrite: true);
        return rsa;
    }
}
