using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheoryAI.Web.Data.Configurations;

internal sealed class ConferenceEventConfiguration : IEntityTypeConfiguration<ConferenceEvent>
{
    public void Configure(EntityTypeBuilder<ConferenceEvent> e)
    {
        e.ToTable("Events");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.TimeZoneId).HasMaxLength(64);
        e.Property(x => x.Venue).HasMaxLength(200);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Host).HasMaxLength(200);
        e.Property(x => x.Url).HasMaxLength(500);
        e.Property(x => x.CompanionName).HasMaxLength(200);
        e.Property(x => x.CompanionUrl).HasMaxLength(500);
        e.Property(x => x.DirectionsMarkdown).HasMaxLength(5000);
        e.Property(x => x.Accent).HasMaxLength(7);
        e.Property(x => x.Tagline).HasMaxLength(140);
        e.Property(x => x.ShortName).HasMaxLength(60);
        e.HasOne(x => x.Logo).WithMany().HasForeignKey(x => x.LogoHash).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.HeaderImage).WithMany().HasForeignKey(x => x.HeaderImageHash).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.HasMany(x => x.People).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventPersonConfiguration : IEntityTypeConfiguration<EventPerson>
{
    public void Configure(EntityTypeBuilder<EventPerson> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Affiliation).HasMaxLength(200);
    }
}

internal sealed class DayConfiguration : IEntityTypeConfiguration<Day>
{
    public void Configure(EntityTypeBuilder<Day> e)
    {
        e.HasIndex(x => x.Date).IsUnique();
        e.Property(x => x.Title).HasMaxLength(100);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Source).HasMaxLength(100);
        e.Property(x => x.InferredFields).HasMaxLength(100);
        e.HasIndex(x => x.Start);
        e.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Talk).WithOne(t => t.Session).HasForeignKey<Talk>(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> e)
    {
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Type).HasMaxLength(100);
        e.Property(x => x.RecordingUrl).HasMaxLength(500);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class TalkSpeakerConfiguration : IEntityTypeConfiguration<TalkSpeaker>
{
    public void Configure(EntityTypeBuilder<TalkSpeaker> e)
    {
        e.HasKey(x => new { x.TalkId, x.SpeakerId });
        e.HasOne(x => x.Talk).WithMany(t => t.Speakers).HasForeignKey(x => x.TalkId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Speaker).WithMany(s => s.Talks).HasForeignKey(x => x.SpeakerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Affiliation).HasMaxLength(200);
        e.Property(x => x.HomepageUrl).HasMaxLength(500);
        e.Property(x => x.BioMarkdown).HasMaxLength(4000);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.HasOne(x => x.Photo).WithOne(p => p.Speaker).HasForeignKey<SpeakerPhoto>(p => p.SpeakerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpeakerPhotoConfiguration : IEntityTypeConfiguration<SpeakerPhoto>
{
    public void Configure(EntityTypeBuilder<SpeakerPhoto> e)
    {
        e.HasKey(x => x.SpeakerId);
        e.Property(x => x.ContentType).HasMaxLength(50);
        e.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class EventImageConfiguration : IEntityTypeConfiguration<EventImage>
{
    public void Configure(EntityTypeBuilder<EventImage> e)
    {
        e.ToTable("EventImages");
        e.HasKey(x => x.Hash);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(50);
    }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> e)
    {
        e.Property(x => x.ChangedBy).HasMaxLength(256);
        e.Property(x => x.EntityType).HasMaxLength(40);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.HasIndex(x => x.AtUtc);
    }
}

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> e)
    {
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.PublishedBy).HasMaxLength(256);
    }
}
