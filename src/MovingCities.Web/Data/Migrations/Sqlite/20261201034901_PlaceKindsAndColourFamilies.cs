using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovingCities.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlaceKindsAndColourFamilies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Family",
                table: "CommitmentTypes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Cities",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "municipality"); // every place before kinds were told apart counted as one

            // The catalogue's colour families (docs/design.md) for databases seeded before them; a database seeded
            // since reads them from geodata/commitment-types.json.
            foreach (var (family, color, keys) in new[]
            {
                ("harbour", "#0072b2", "'safe-harbour-declaration', 'safe-harbour-alliance', 'sea-rescue-support'"),
                ("admission", "#d55e00", "'additional-admission', 'admission-programme', 'municipal-reception'"),
                ("staying", "#f0e442", "'residence-support', 'city-id', 'integration-policy'"),
                ("stance", "#66ccee", "'solidarity-statement', 'networking', 'transparency'"),
            })
                migrationBuilder.Sql($"UPDATE CommitmentTypes SET Family = '{family}', Color = '{color}' WHERE Key IN ({keys});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Family",
                table: "CommitmentTypes");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Cities");
        }
    }
}
