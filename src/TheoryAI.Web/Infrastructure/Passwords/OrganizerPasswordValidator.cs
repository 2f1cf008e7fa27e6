using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace TheoryAI.Web.Infrastructure.Passwords;

/// <summary>
/// Identity's own rules check the length; this one refuses what guessing tries first (NIST SP 800-63B 5.1.1.2):
/// the most common passwords (common-passwords.txt, source named in the file), the account's own address or name,
/// and anything longer than the sign-in form accepts. Registered as an Identity validator, so the add-organizer
/// command and every other path that sets a password go through it.
/// </summary>
public sealed class OrganizerPasswordValidator : IPasswordValidator<IdentityUser>
{
    /// <summary>The one maximum: the sign-in form's field and every password set.</summary>
    public const int MaxLength = 200;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters: the sign-in form accepts no more." });
        }
        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "This password is one of the most common ones, which are tried first: choose another (a few unrelated words work well)." });
        }
        if (SameAs(password, user.Email) || SameAs(password, user.UserName) || SameAs(password, LocalPart(user.Email)))
        {
            errors.Add(new IdentityError { Code = "PasswordIsAddress", Description = "The password must not be the account's own e-mail address or name." });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    private static bool SameAs(string password, string? other) =>
        !string.IsNullOrEmpty(other) && string.Equals(password.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? LocalPart(string? email) => email?.Split('@')[0];

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(OrganizerPasswordValidator).Assembly.GetManifestResourceStream("TheoryAI.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
