using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.History;
using MovingCities.Web.Networks;
using MovingCities.Web.News;
using MovingCities.Web.Proposals;

namespace MovingCities.Web.Data;

/// <summary>
/// The app's data and, in the same database, the editors' accounts (ASP.NET Core Identity) and the Data Protection
/// keys that sign-in cookies and antiforgery tokens are protected with, so every instance reads the same keys.
/// </summary>
/// <remarks>
/// Abstract: the app resolves this type, made as <see cref="SqliteMovingCitiesDb"/> or <see cref="PostgresMovingCitiesDb"/>
/// (Database:Provider), each with its own migrations.
/// </remarks>
public abstract class MovingCitiesDb(DbContextOptions options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<City> Cities => Set<City>();
    public DbSet<CommitmentType> CommitmentTypes => Set<CommitmentType>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<NewsPost> NewsPosts => Set<NewsPost>();
    public DbSet<Change> Changes => Set<Change>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model); // Identity's tables
        model.Entity<City>(city =>
        {
            city.HasIndex(c => c.Slug).IsUnique();
            city.HasIndex(c => c.SearchName);
            city.HasIndex(c => c.Country);
            city.Property(c => c.Name).HasField("_name");
            Spatial.MapPosition(city, Database.IsNpgsql());
            city.Property(c => c.Country).HasMaxLength(2);
            city.Property(c => c.Kind).HasConversion(LowercaseEnum<PlaceKind>()).HasMaxLength(20);
            city.HasMany(c => c.NewsPosts).WithMany(p => p.Cities).UsingEntity("NewsPostCity");
            city.Property(c => c.Version).IsConcurrencyToken();
            city.ComplexProperty(c => c.Description, Bilingual("Description"));
        });

        model.Entity<CommitmentType>(type => type.HasKey(t => t.Key));

        model.Entity<Commitment>(commitment =>
        {
            commitment.Property(c => c.Status).HasConversion(LowercaseEnum<CommitmentStatus>());
            commitment.HasOne(c => c.Type).WithMany().HasForeignKey(c => c.TypeKey).OnDelete(DeleteBehavior.Restrict);
            commitment.HasIndex(c => new { c.TypeKey, c.CityId });
            commitment.ComplexProperty(c => c.Summary, Bilingual("Summary"));
        });

        model.Entity<Network>(network => network.HasIndex(n => n.Slug).IsUnique());

        // A membership is a sourced fact of its own, so the join table is an entity rather than a skip navigation.
        model.Entity<NetworkMembership>(membership =>
        {
            membership.ToTable("NetworkMembership");
            membership.HasKey(m => new { m.CityId, m.NetworkId });
            membership.HasOne(m => m.City).WithMany(c => c.Memberships).HasForeignKey(m => m.CityId);
            membership.HasOne(m => m.Network).WithMany(n => n.Memberships).HasForeignKey(m => m.NetworkId);
        });

        model.Entity<NewsPost>(post =>
        {
            post.HasIndex(p => p.Slug).IsUnique();
            post.HasIndex(p => new { p.Status, p.PublishedAt });
            post.Property(p => p.Status).HasConversion(LowercaseEnum<NewsStatus>());
            post.Property(p => p.Version).IsConcurrencyToken();
        });

        model.Entity<Change>(change =>
        {
            change.HasIndex(c => new { c.Subject, c.SubjectId });
            change.HasIndex(c => c.AtUtc);
        });

        model.Entity<DataStamp>(stamp => stamp.Property(s => s.Id).ValueGeneratedNever());

        model.Entity<Proposal>(proposal =>
        {
            proposal.Property(p => p.Status).HasConversion(LowercaseEnum<CommitmentStatus>());
            proposal.Property(p => p.State).HasConversion(LowercaseEnum<ProposalState>());
            proposal.HasIndex(p => new { p.State, p.CreatedAtUtc });
        });
    }

    /// <summary>A text in German and English as two nullable columns, <c>{name}De</c> and <c>{name}En</c>.</summary>
    static Action<Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<LocalizedText>> Bilingual(string name) => text =>
    {
        text.IsRequired();
        text.Property(t => t.De).HasColumnName(name + "De");
        text.Property(t => t.En).HasColumnName(name + "En");
    };

    /// <summary>Enums stored as the same lowercase words the API and geodata files use.</summary>
    static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> LowercaseEnum<T>() where T : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), text => Enum.Parse<T>(text, true));
}
