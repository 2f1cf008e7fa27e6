using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheoryAI.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpeakerProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BioMarkdown",
                table: "Speakers",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SpeakerPhotos",
                columns: table => new
                {
                    SpeakerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerPhotos", x => x.SpeakerId);
                    table.ForeignKey(
                        name: "FK_SpeakerPhotos_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpeakerPhotos");

            migrationBuilder.DropColumn(
                name: "BioMarkdown",
                table: "Speakers");
        }
    }
}
