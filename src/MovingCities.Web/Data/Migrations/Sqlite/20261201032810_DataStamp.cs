using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovingCities.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataStamps", x => x.Id);
                });

            // The one row every later public change updates. A database that already holds data is dated by its
            // newest recorded edit of a post, city or commitment; without one (seeded or imported only), by now.
            migrationBuilder.Sql("""
                INSERT INTO "DataStamps" ("Id", "ChangedAtUtc")
                VALUES (1, COALESCE(
                    (SELECT MAX("AtUtc") FROM "Changes" WHERE "Subject" IN ('post', 'city', 'commitment')),
                    strftime('%Y-%m-%d %H:%M:%f', 'now')));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataStamps");
        }
    }
}
