using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MovingCities.Web.Data;

/// <summary>
/// Learns of changes saved by another process (an instance behind the same load balancer, the <c>import</c> command,
/// an editor elsewhere) without a restart. On SQLite it looks at the database's <see cref="DataStamp"/> once per
/// <see cref="Interval"/>: one indexed single-row read per second. On PostgreSQL the stamp's trigger sends the new
/// token with NOTIFY at commit and this LISTENs on a connection of its own, so a change shows at once; a read every
/// <see cref="FallbackInterval"/> and a reconnect after a lost connection cover anything a notification missed.
/// </summary>
public sealed class DataVersionWatcher(DataVersion version, IServiceScopeFactory scopes, DatabaseConnection database,
    ILogger<DataVersionWatcher> logger) : BackgroundService
{
    /// <summary>How stale a page may be after another process's change on SQLite; also the wait before reconnecting.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>On PostgreSQL, how often the stamp is read anyway, should a notification have been missed.</summary>
    public static readonly TimeSpan FallbackInterval = TimeSpan.FromSeconds(30);

    /// <summary>The channel the PostgreSQL migration's trigger on "DataStamps" notifies, with the new token as payload.</summary>
    public const string Channel = "movingcities_data";

    /// <summary>The tag (an SQL comment) on the watcher's read, so logs and tests can tell it from a request's.</summary>
    public const string QueryTag = "data-version-watch";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        database.Provider == DatabaseProvider.PostgreSQL ? ListenAsync(stoppingToken) : PollAsync(stoppingToken);

    async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var failing = false;
        do
        {
            try
            {
                await ObserveStoredAsync(stoppingToken);
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

    async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var listener = new NpgsqlConnection(connectionString);
                listener.Notification += (_, notification) =>
                {
                    if (Guid.TryParse(notification.Payload, out var token) && version.Observe(token))
                        logger.LogDebug("Public data changed in another process (notified stamp {Token})", token);
                };
                await listener.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", listener))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Listening from here on; what changed before (or while the connection was lost) is read once.
                await ObserveStoredAsync(stoppingToken);
                if (failing)
                    logger.LogInformation("Listening for data changes again");
                failing = false;
                while (true)
                    if (!await listener.WaitAsync(FallbackInterval, stoppingToken))
                        await ObserveStoredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The server restarting or the network gone: keep serving what is prepared, say it once, reconnect.
                if (!failing)
                    logger.LogWarning(e, "Lost the connection that listens for data changes; changes from other processes show when it is back");
                failing = true;
            }
            await Task.Delay(Interval, stoppingToken);
        }
    }

    async Task ObserveStoredAsync(CancellationToken cancellationToken)
    {
        if (await ReadTokenAsync(cancellationToken) is { } token && version.Observe(token))
            logger.LogDebug("Public data changed in another process (stamp {Token})", token);
    }

    async Task<Guid?> ReadTokenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
        return await db.DataStamps.AsNoTracking().TagWith(QueryTag).Where(s => s.Id == DataStamp.SingleId)
            .Select(s => (Guid?)s.Token).FirstOrDefaultAsync(cancellationToken);
    }
}
