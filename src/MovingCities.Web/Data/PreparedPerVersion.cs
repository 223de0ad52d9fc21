namespace MovingCities.Web.Data;

/// <summary>
/// Something built from the database once per <see cref="DataVersion"/> and shared until the next saved change
/// to public data: concurrent first requests wait for one build instead of each building.
/// </summary>
public sealed class PreparedPerVersion<T>(DataVersion dataVersion, IServiceScopeFactory scopes, Func<MovingCitiesDb, CancellationToken, Task<T>> build)
    where T : class
{
    readonly SemaphoreSlim _building = new(1, 1);
    volatile Prepared? _prepared;

    sealed record Prepared(long Version, T Value);

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_prepared is { } prepared && prepared.Version == dataVersion.Current)
            return prepared.Value;

        await _building.WaitAsync(cancellationToken);
        try
        {
            // Read the version before the data: a write during the build leaves the result stale, never current.
            var version = dataVersion.Current;
            if (_prepared is { } fresh && fresh.Version == version)
                return fresh.Value;
            await using var scope = scopes.CreateAsyncScope();
            var value = await build(scope.ServiceProvider.GetRequiredService<MovingCitiesDb>(), cancellationToken);
            _prepared = new Prepared(version, value);
            return value;
        }
        finally
        {
            _building.Release();
        }
    }
}
