using ChatAssistant.Storage;
namespace ChatAssistant.Audit;

/// <summary>
/// Registers the one audit log: every feature records into this <see cref="AuditLog"/>, and admins read it at
/// <c>GET /api/staff/audit</c> (<see cref="AuditEndpoints.MapAudit"/>).
/// </summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddRecordStore<IAuditStore, LiteDb.LiteAuditStore, Postgres.PostgresAuditStore>();
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresAuditStore.Copy());
        return services.AddSingleton<AuditLog>();
    }
}
