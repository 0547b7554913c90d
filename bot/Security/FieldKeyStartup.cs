namespace ChatAssistant.Security;

/// <summary>
/// Reads the field key when the host starts rather than at the first help request: the embedded default then
/// generates its key file at once and the log says where it is.
/// </summary>
internal sealed class FieldKeyStartup(FieldCipher cipher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cipher.LoadKey();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
