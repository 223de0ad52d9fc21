using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovingCities.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CityProvenanceAndSourcedMemberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NetworkMembership_Cities_CitiesId",
                table: "NetworkMembership");

            migrationBuilder.DropForeignKey(
                name: "FK_NetworkMembership_Networks_NetworksId",
                table: "NetworkMembership");

            migrationBuilder.RenameColumn(
                name: "NetworksId",
                table: "NetworkMembership",
                newName: "NetworkId");

            migrationBuilder.RenameColumn(
                name: "CitiesId",
                table: "NetworkMembership",
                newName: "CityId");

            migrationBuilder.RenameIndex(
                name: "IX_NetworkMembership_NetworksId",
                table: "NetworkMembership",
                newName: "IX_NetworkMembership_NetworkId");

            migrationBuilder.AddColumn<string>(
                name: "Date",
                table: "NetworkMembership",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "NetworkMembership",
                type: "TEXT",
                nullable: true);

            // A network's one source URL was the source of all its memberships: keep it on each before dropping it.
            migrationBuilder.Sql(
                "UPDATE NetworkMembership SET SourceUrl = (SELECT SourceUrl FROM Networks WHERE Networks.Id = NetworkMembership.NetworkId);");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "Networks");

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "NetworkMembership",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkMembership_Cities_CityId",
                table: "NetworkMembership",
                column: "CityId",
                principalTable: "Cities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkMembership_Networks_NetworkId",
                table: "NetworkMembership",
                column: "NetworkId",
                principalTable: "Networks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
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
