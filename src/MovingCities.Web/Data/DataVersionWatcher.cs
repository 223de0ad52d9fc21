using Microsoft.EntityFrameworkCore;

namespace MovingCities.Web.Data;

/// <summary>
/// Looks at the database's <see cref="DataStamp"/> once per <see cref="Interval"/>, so a change saved by another
/// process (an instance behind the same load balancer, the <c>import</c> command, an editor elsewhere) shows here
/// within a second, without a restart. One indexed single-row read per second is all it costs.
/// </summary>
public sealed class DataVersionWatcher(DataVersion version, IServiceScopeFactory scopes, ILogger<DataVersionWatcher> logger) : BackgroundService
{
    /// <summary>How stale a page may be after another process's change.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var failing = false;
        do
        {
            try
            {
                if (await ReadTokenAsync(stoppingToken) is { } token && version.Observe(token))
                    logger.LogDebug("Public data changed in another process (stamp {Token})", token);
                if (failing)
                    logger.LogInformation("Watching the data version again");
                failing = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database restarting or a file being restored: keep serving what is prepared, say it once, retry.
                if (!failing)
                    logger.LogWarning(e, "Could not read the data version; changes from other processes show when it can be read again");
                failing = true;
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task<Guid?> ReadTokenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
        return await db.DataStamps.AsNoTracking().Where(s => s.Id == DataStamp.SingleId)
            .Select(s => (Guid?)s.Token).FirstOrDefaultAsync(cancellationToken);
    }
}
