using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;
using MovingCities.Web.History;

namespace MovingCities.Tests.Data;

/// <summary>What is public data is declared on the entities (IPublicData); only saving it raises the data version.</summary>
public class DataVersionTests
{
    [Fact]
    public void Every_entity_is_declared_public_or_known_not_to_be()
    {
        using var app = new TestApp();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>().Model;
        var publicTypes = model.GetEntityTypes().Where(DataVersion.IsPublic).Select(t => t.Name).Order().ToArray();
        Assert.Equal(
            ["MovingCities.Web.Cities.City", "MovingCities.Web.Commitments.Commitment", "MovingCities.Web.Commitments.CommitmentType",
             "MovingCities.Web.Networks.Network", "MovingCities.Web.Networks.NetworkMembership", "MovingCities.Web.News.NewsPost", "NewsPostCity"],
            publicTypes);
        // The rest: the history, the date of the last public change, the public proposals (nothing public until an editor
        // accepts one), Identity's tables and the Data Protection keys.
        Assert.All(model.GetEntityTypes().Where(t => !DataVersion.IsPublic(t)),
            t => Assert.True(t.ClrType == typeof(Change) || t.ClrType == typeof(DataStamp) || t.ClrType == typeof(MovingCities.Web.Proposals.Proposal)
                || t.ClrType.Namespace == "Microsoft.AspNetCore.Identity" || t.ClrType == typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), t.Name));
    }

    [Fact]
    public async Task Changing_public_data_raises_the_version_and_history_or_accounts_do_not()
    {
        using var app = new TestApp();
        var version = app.Services.GetRequiredService<DataVersion>();
        async Task<bool> Raises(Func<MovingCitiesDb, Task> change)
        {
            var before = version.Current;
            await app.WithDb(async db => { await change(db); await db.SaveChangesAsync(); });
            return version.Current != before;
        }

        Assert.True(await Raises(async db => (await db.Cities.SingleAsync(c => c.Slug == "konstanz")).Description = new(null, "Changed.")));
        Assert.True(await Raises(async db => (await db.Commitments.FirstAsync()).Summary = new("Geändert.", null)));
        Assert.True(await Raises(async db => (await db.Networks.FirstAsync()).Name = "Changed"));
        Assert.True(await Raises(async db =>
        {
            // Only the join row changes: a post's city tag taken off.
            var post = await db.NewsPosts.Include(p => p.Cities).FirstAsync(p => p.Cities.Any());
            post.Cities.RemoveAt(0);
        }));

        Assert.False(await Raises(db =>
        {
            HistoryLog.Record(db, ChangeSubjects.City, 1, "Konstanz", "updated", "editor@example.org", null, null);
            return Task.CompletedTask;
        }));
        Assert.False(await Raises(async db =>
        {
            var users = new UserStore<IdentityUser>(db);
            await users.CreateAsync(new IdentityUser { UserName = "someone@example.org", Email = "someone@example.org" });
        }));
        Assert.False(await Raises(async db => (await db.Users.SingleAsync(u => u.UserName == "someone@example.org")).AccessFailedCount = 3));
    }
}
