using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovingCities.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BilingualContentAndPostTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Summaries and descriptions so far were English: they become the English text, the German is still to
            // be written. (Blank text was stored as null already; the updates below only make sure of it.)
            migrationBuilder.RenameColumn(
                name: "Summary",
                table: "Commitments",
                newName: "SummaryEn");

            migrationBuilder.RenameColumn(
                name: "Description",
                table: "Cities",
                newName: "DescriptionEn");

            migrationBuilder.AddColumn<string>(
                name: "TranslationSlug",
                table: "NewsPosts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryDe",
                table: "Commitments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionDe",
                table: "Cities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql("UPDATE Commitments SET SummaryEn = NULL WHERE trim(SummaryEn) = '';");
            migrationBuilder.Sql("UPDATE Cities SET DescriptionEn = NULL WHERE trim(DescriptionEn) = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TranslationSlug",
                table: "NewsPosts");

            migrationBuilder.DropColumn(
                name: "SummaryDe",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "DescriptionDe",
                table: "Cities");

            migrationBuilder.RenameColumn(
                name: "SummaryEn",
                table: "Commitments",
                newName: "Summary");

            migrationBuilder.RenameColumn(
                name: "DescriptionEn",
                table: "Cities",
                newName: "Description");
        }
    }
}
