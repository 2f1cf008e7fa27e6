using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheoryAI.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventDirections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DirectionsMarkdown",
                table: "Events",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DirectionsMarkdown",
                table: "Events");
        }
    }
}
