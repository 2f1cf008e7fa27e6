using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Identity's sign-in, except that an unknown address costs the same password hash as a known one: without it an
/// unknown address answers in about 5 ms and a known one in about 100 ms, which tells who has an account; and that a
/// wrong recovery code counts towards the lockout like a wrong authenticator code.
/// </summary>
public sealed class OrganizerSignInManager(
    UserManager<IdentityUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation)
    : SignInManager<IdentityUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly IdentityUser Nobody = new() { UserName = "nobody", Email = "nobody@invalid" };
    private static string? _nobodysHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }
        // The same work a wrong password for a real account does.
        var hasher = UserManager.PasswordHasher;
        _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
        return SignInResult.Failed;
    }

    /// <summary>
    /// Identity neither counts a wrong recovery code nor checks the lockout before redeeming one, so the code step
    /// would have no limit for what is not six digits. Here it is the same limit as for passwords and app codes.
    /// </summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInResult.Failed;
        }
        if (await IsLockedOut(user))
        {
            return SignInResult.LockedOut;
        }
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (!UserManager.SupportsUserLockout)
        {
            return result;
        }
        if (result.Succeeded)
        {
            await UserManager.ResetAccessFailedCountAsync(user);
            return result;
        }
        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }
}
