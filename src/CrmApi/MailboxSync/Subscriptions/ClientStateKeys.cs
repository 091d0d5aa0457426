using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.CrmApi.MailboxSync.Subscriptions;

/// <summary>The <c>ClientState</c> section: the server's key that signs every subscription's clientState.</summary>
public sealed class ClientStateOptions
{
    public const string Section = "ClientState";

    /// <summary>Base64 of at least 32 random bytes, the same on every instance (Key Vault); required outside Development and Testing.</summary>
    public string? Key { get; set; }

    /// <summary>Keys still accepted after a rotation, until the keeper has recreated the subscriptions they signed.</summary>
    public List<string> PreviousKeys { get; set; } = [];

    /// <summary>Development and Testing only, with no key configured: where a key made on first use is kept (git-ignored).</summary>
    public string KeyPath { get; set; } = "data/client-state-key";
}

/// <summary>
/// The keys that sign clientStates, each known by a short id derived from it (the id reveals nothing of the key). New
/// states are signed with the current key; states of a previous key still verify, and the keeper recreates their
/// subscriptions under the current one.
/// </summary>
public sealed class ClientStateKeys
{
    private const int MinimumKeyBytes = 32;
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public ClientStateKeys(byte[] current, IEnumerable<byte[]> previous)
    {
        CurrentId = IdOf(current);
        _byId[CurrentId] = current;
        foreach (var key in previous)
        {
            _byId.TryAdd(IdOf(key), key);
        }
    }

    public string CurrentId { get; }

    public byte[] Current => _byId[CurrentId];

    public bool TryGet(string id, out byte[] key) => _byId.TryGetValue(id, out key!);

    /// <summary>Eight hex characters of a hash of the key: enough to pick the key, useless for finding it.</summary>
    public static string IdOf(byte[] key) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("outlookcrm-client-state-key-id:"), .. key]))[..8];

    /// <summary>The configured keys; in Development or Testing without one, a key made once and kept at <see cref="ClientStateOptions.KeyPath"/>.</summary>
    public static ClientStateKeys Load(ClientStateOptions options, IHostEnvironment environment)
    {
        var previous = options.PreviousKeys.Select((key, index) => Decode(key, $"{ClientStateOptions.Section}:PreviousKeys:{index}")).ToList();
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return new ClientStateKeys(Decode(options.Key, $"{ClientStateOptions.Section}:Key"), previous);
        }
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"{ClientStateOptions.Section}:Key is required in the '{environment.EnvironmentName}' environment: base64 of 32 random bytes, the same on every instance (see docs/deploy.md).");
        }
        return new ClientStateKeys(LoadOrCreate(Path.GetFullPath(options.KeyPath, environment.ContentRootPath)), previous);
    }

    private static byte[] Decode(string base64, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            key = [];
        }
        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{setting} must be base64 of at least {MinimumKeyBytes} random bytes.");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }
        var key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        try
        {
            // Two processes starting on one data folder: the first key written wins and both use it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return Decode(File.ReadAllText(path), path);
    }
}
