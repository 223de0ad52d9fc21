using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovingCities.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityProvenanceAndSourcedMemberships : Migration
    {
        /// <inheritdoc />
        /// <remarks>
        /// SQLite cannot change a foreign key in place. The scaffolded version of this migration let EF Core rebuild
        /// NetworkMembership and Networks its generic way: with foreign keys switched off, outside the migration's
        /// transaction, so a crash in between left a half-migrated database (warnings 20410 and 30200 on every fresh
        /// start). This version needs no such step and runs in one transaction: nothing references NetworkMembership,
        /// so it is rebuilt by hand (copying each network's source onto its memberships on the way), and Networks
        /// loses its column through SQLite's own DROP COLUMN (3.35+) instead of a rebuild, which with foreign keys on
        /// would cascade-delete every membership. NetworkMembership ends up exactly as the old rebuild left it;
        /// Networks keeps its original column order, which nothing depends on. Databases that ran the old version
        /// keep its id in their history and are not touched.
        /// </remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ef_temp_NetworkMembership",
                columns: table => new
                {
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMembership", x => new { x.CityId, x.NetworkId });
                    table.ForeignKey(
                        name: "FK_NetworkMembership_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkMembership_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A network's one source URL was the source of all its memberships: keep it on each before dropping it.
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_NetworkMembership" ("CityId", "NetworkId", "SourceUrl")
                SELECT "CitiesId", "NetworksId", (SELECT "SourceUrl" FROM "Networks" WHERE "Networks"."Id" = "NetworkMembership"."NetworksId")
                FROM "NetworkMembership";
                """);

            migrationBuilder.DropTable(
                name: "NetworkMembership");

            migrationBuilder.RenameTable(
                name: "ef_temp_NetworkMembership",
                newName: "NetworkMembership");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembership_NetworkId",
                table: "NetworkMembership",
                column: "NetworkId");

            migrationBuilder.Sql("""ALTER TABLE "Networks" DROP COLUMN "SourceUrl";""");

            migrationBuilder.AddColumn<string>(
                name: "GazetteerName",
                table: "Cities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationNote",
                table: "Cities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProfileUrl",
                table: "Cities",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NetworkMembership_Cities_CityId",
                table: "NetworkMembership");

            migrationBuilder.DropForeignKey(
                name: "FK_NetworkMembership_Networks_NetworkId",
                table: "NetworkMembership");

            migrationBuilder.DropColumn(
                name: "Date",
                table: "NetworkMembership");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "NetworkMembership");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "NetworkMembership");

            migrationBuilder.DropColumn(
                name: "GazetteerName",
                table: "Cities");

            migrationBuilder.DropColumn(
                name: "LocationNote",
                table: "Cities");

            migrationBuilder.DropColumn(
                name: "ProfileUrl",
                table: "Cities");

            migrationBuilder.RenameColumn(
                name: "NetworkId",
                table: "NetworkMembership",
                newName: "NetworksId");

            migrationBuilder.RenameColumn(
                name: "CityId",
                table: "NetworkMembership",
                newName: "CitiesId");

            migrationBuilder.RenameIndex(
                name: "IX_NetworkMembership_NetworkId",
                table: "NetworkMembership",
                newName: "IX_NetworkMembership_NetworksId");

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Networks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkMembership_Cities_CitiesId",
                table: "NetworkMembership",
                column: "CitiesId",
                principalTable: "Cities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkMembership_Networks_NetworksId",
                table: "NetworkMembership",
                column: "NetworksId",
                principalTable: "Networks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
