namespace TheoryAI.Web.Infrastructure;

/// <summary>The "Organizers" section of configuration.</summary>
public sealed class OrganizerOptions
{
    public const string Section = "Organizers";

    /// <summary>
    /// When true, an organizer without an authenticator app is sent to the two-factor setup page before any admin
    /// page works (Organizers__RequireTwoFactor=true). Off by default: two-factor sign-in is then each organizer's choice.
    /// </summary>
    public bool RequireTwoFactor { get; set; }
}
