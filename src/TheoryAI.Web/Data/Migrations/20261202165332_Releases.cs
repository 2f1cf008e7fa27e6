using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheoryAI.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Releases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowRoomSharing",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // The old rules saved a room overlap only when it was deliberately allowed (the seed's allowRoomSharing, the
            // form's tick), which was not stored: the later block of every overlap in an existing store is marked as
            // sharing, so Publish does not take the store's accepted programme for a clash.
            migrationBuilder.Sql("""
                UPDATE Sessions SET AllowRoomSharing = 1
                WHERE RoomId IS NOT NULL AND EXISTS (
                    SELECT 1 FROM Sessions AS o
                    WHERE o.Id <> Sessions.Id AND o.RoomId = Sessions.RoomId
                      AND o.Start < Sessions.End AND Sessions.Start < o.End
                      AND (o.Start < Sessions.Start OR (o.Start = Sessions.Start AND o.Id < Sessions.Id)));
                """);

            migrationBuilder.CreateTable(
                name: "Releases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProgrammeJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Releases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Releases_Number",
                table: "Releases",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Releases");

            migrationBuilder.DropColumn(
                name: "AllowRoomSharing",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "Sessions");
        }
    }
}
