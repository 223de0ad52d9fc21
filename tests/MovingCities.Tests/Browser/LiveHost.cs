using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Browser;

/// <summary>The real app on a real socket (Kestrel on a free loopback port), on its own SQLite file.</summary>
public sealed class LiveHost : IDisposable
{
    readonly TestApp _app = new();

    public LiveHost()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1"));
    }

    public Uri BaseAddress { get; }
    public TestApp App => _app;

    public void Dispose() => _app.Dispose();
}
