using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatAssistant.Staff;

/// <summary>
/// Reads a file staff upload or pass to the CLI (roster and hours CSVs) as UTF-8, strictly: bytes that are not
/// UTF-8 (Excel on Chinese Windows saves "CSV" as GBK) are refused instead of turning into U+FFFD and being
/// imported as garbled names. The encoding is never guessed: staff re-save the file as CSV UTF-8
/// (<see cref="StaffTexts.NotUtf8"/>). A UTF-8 byte order mark is allowed and dropped.
/// </summary>
public static class Utf8Upload
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Largest upload accepted (a roster or a batch of hour records).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Reads an uploaded CSV body: its text, or the answer to give instead — 413 when it is over
    /// <see cref="MaxBytes"/>, 400 when it is not UTF-8. Read asynchronously, since the importers are synchronous
    /// and Kestrel forbids synchronous reads.
    /// </summary>
    public static async Task<(string? Text, IResult? Refusal)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        var tooLarge = Results.Json(new { error = StaffTexts.UploadTooLarge(MaxBytes / 1024 / 1024) }, statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > MaxBytes) return (null, tooLarge);
        var (text, over) = await ReadAsync(request.Body, MaxBytes, ct);
        if (over) return (null, tooLarge);
        return text is null ? (null, Results.BadRequest(new { error = StaffTexts.NotUtf8 })) : (text, null);
    }

    /// <summary>The text of <paramref name="bytes"/>, or null when they are not valid UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a request body of at most <paramref name="maxBytes"/> (a chunked body has no Content-Length to check
    /// first). Text is null when the body is too large or not valid UTF-8.
    /// </summary>
    public static async Task<(string? Text, bool TooLarge)> ReadAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, true);
            buffer.Write(chunk, 0, read);
        }
        return (Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), false);
    }

    /// <summary>
    /// Reads a file named on the command line: its text, or the problem to print instead — the file is missing or
    /// unreadable (a typo in the path), or it is not UTF-8.
    /// </summary>
    public static (string? Text, string? Problem) ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, StaffTexts.CannotReadFile(path, e.Message));
        }
        var text = Decode(bytes);
        return text is null ? (null, StaffTexts.NotUtf8) : (text, null);
    }
}
