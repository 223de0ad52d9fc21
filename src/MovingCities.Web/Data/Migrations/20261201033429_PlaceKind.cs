using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovingCities.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlaceKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Cities",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "municipality"); // every place before kinds were told apart counted as one
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Cities");
        }
    }
}
