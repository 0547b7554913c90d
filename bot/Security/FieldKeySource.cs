using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Security;

/// <summary>
/// Where the field key of <see cref="FieldCipher"/> comes from: <c>Disputes:EncryptionKey</c>, or — only in the
/// embedded default, without a WeChat account — a key file generated once under <c>Storage:DataDirectory</c>, with a
/// warning naming the file.
/// </summary>
public static class FieldKeySource
{
    public const string KeyFileName = "disputes.key";

    /// <summary>
    /// True for a declared production deployment: the environment is Production and was named explicitly
    /// (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT, --environment) or Redis is configured. A host started with
    /// no configuration at all is the embedded default, which README promises runs without any setting.
    /// </summary>
    public static bool KeyRequired(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsProduction()
        && (!string.IsNullOrEmpty(configuration[HostDefaults.EnvironmentKey]) || !string.IsNullOrEmpty(configuration["Redis:Configuration"]));

    /// <summary>Decodes a configured key: base64 of exactly 32 bytes.</summary>
    public static bool TryDecode(string? value, out byte[] key) => GeneratedKeyFile.TryDecode(value, 32, exact: true, out key);

    /// <summary>Where the embedded default keeps its generated key: <c>disputes.key</c> in the data folder.</summary>
    public static string KeyFilePath(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.DataDirectory), KeyFileName);

    /// <summary>
    /// The key to use (options are validated before this runs, so without the setting this is the embedded
    /// default). The log names the key file, never the key.
    /// </summary>
    public static byte[] Load(IOptions<FieldKeyOptions> options, IOptions<StorageOptions> storage, ILogger logger)
    {
        if (TryDecode(options.Value.EncryptionKey, out var key)) return key;

        var path = KeyFilePath(storage.Value);
        (key, var created) = GeneratedKeyFile.ReadOrCreate(path, 32, exact: true);
        if (created) logger.LogWarning("Disputes:EncryptionKey is not set; generated a new field key in {KeyFile} (embedded default). Losing that file makes existing help requests and hand-off transcripts unreadable. A WeChat account needs Disputes:EncryptionKey.", path);
        else logger.LogWarning("Disputes:EncryptionKey is not set; the field key is the generated key file {KeyFile} (embedded default). Before adding a WeChat account, move that key into Disputes:EncryptionKey and keep it outside the data folder.", path);
        return key;
    }
}
