using ChatAssistant.Storage;
using ChatAssistant.Adapters;
using ChatAssistant.Conversation;

namespace ChatAssistant.Safety;

/// <summary>Registers the crisis check that every user message passes first.</summary>
public static class SafetyRegistration
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddSettings<SafetyOptions, SafetyOptionsValidator>(SafetyOptions.Section);
        services.AddSingleton<CrisisDetector>();
        services.AddSingleton<IMessageInterceptor, CrisisInterceptor>();
        services.AddRecordStore<ICrisisReviewRecords, LiteDb.LiteCrisisReviewRecords, Postgres.PostgresCrisisReviewRecords>();
        services.AddSingleton<Storage.IRecordsTableCopy>(Postgres.PostgresCrisisReviewRecords.Copy());
        services.AddSingleton<CrisisReviewStore>();
        services.AddHostedService<CrisisReviewRetentionService>();
        return services;
    }
}
