using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheoryAI.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventLook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accent",
                table: "Events",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeaderImageHash",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogoHash",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "Events",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tagline",
                table: "Events",
                type: "TEXT",
                maxLength: 140,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventImages",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventImages", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_HeaderImageHash",
                table: "Events",
                column: "HeaderImageHash");

            migrationBuilder.CreateIndex(
                name: "IX_Events_LogoHash",
                table: "Events",
                column: "LogoHash");

            migrationBuilder.AddForeignKey(
                name: "FK_Events_EventImages_HeaderImageHash",
                table: "Events",
                column: "HeaderImageHash",
                principalTable: "EventImages",
                principalColumn: "Hash",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_EventImages_LogoHash",
                table: "Events",
                column: "LogoHash",
                principalTable: "EventImages",
                principalColumn: "Hash",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Events_EventImages_HeaderImageHash",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Events_EventImages_LogoHash",
                table: "Events");

            migrationBuilder.DropTable(
                name: "EventImages");

            migrationBuilder.DropIndex(
                name: "IX_Events_HeaderImageHash",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_LogoHash",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Accent",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "HeaderImageHash",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "LogoHash",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ShortName",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Tagline",
                table: "Events");
        }
    }
}
