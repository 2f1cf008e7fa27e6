using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Web.Pages.Account;

public sealed record AuthenticatorCodeInput
{
    [Display(Name = "Code from the app")]
    [StringLength(12, ErrorMessage = "Code from the app: enter the 6 digits the app shows.")]
    public string Code { get; init; } = "";
}

/// <summary>
/// An organizer's authenticator app (RFC 6238 TOTP through Identity's authenticator key): set up by entering the
/// key (or its otpauth: address) in the app and confirming with a code, then recovery codes shown once; new recovery
/// codes, a new key (reset) or off. Each change is a new security stamp, so the organizer's other sessions end and
/// this one is signed in again.
/// </summary>
[Authorize(Policy = OrganizerSecurity.OrganizerPolicy)]
public sealed class TwoFactorModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn,
    IOptions<OrganizerOptions> options, ILoggerFactory loggers) : PageModel
{
    public const int RecoveryCodeCount = 10;
    public const string WrongCode = "Code from the app: that is not the app's current code for this key. Check that the app holds the key above and that the phone's clock is right, then enter the 6 digits it shows now.";
    public const string RequiredCannotTurnOff = "Two-factor sign-in is required for organizers on this site, so it cannot be turned off. To move to another app or phone, use \"Set up again with a new key\".";

    private readonly ILogger _log = loggers.CreateLogger(OrganizerSecurity.SecurityLogCategory);

    [BindProperty]
    public AuthenticatorCodeInput Input { get; set; } = new();

    /// <summary>Where to continue after setting up (the admin page that sent the organizer here).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public bool Required => options.Value.RequireTwoFactor;
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The key in groups of four, as people type it into an app.</summary>
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }

    /// <summary>Set only in the answer to the POST that made them: they are shown once and kept nowhere else.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string ContinueUrl => LoginModel.SafeReturnUrl(ReturnUrl, Url);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var code = AuthenticatorCode.Normalize(Input.Code);
        if (ModelState.IsValid && !AuthenticatorCode.IsTotp(code))
        {
            ModelState.AddModelError("Input.Code", "Code from the app: enter the 6 digits the app shows for this site.");
        }
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", WrongCode);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        _log.LogInformation("Organizer {Email} turned two-factor sign-in on.", user.UserName);
        // Answered directly, not redirected: the codes would otherwise have to be kept somewhere to show them.
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            _log.LogInformation("Organizer {Email} made new recovery codes.", user.UserName);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await signIn.RefreshSignInAsync(user);
        _log.LogInformation("Organizer {Email} reset the authenticator key.", user.UserName);
        Notice = "The old key and recovery codes no longer work. Add the new key below to your app and confirm it with a code.";
        return RedirectToPage(new { ReturnUrl });
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (Required)
        {
            ModelState.AddModelError("", RequiredCannotTurnOff);
            await LoadAsync(user);
            return Page();
        }
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        // A later set-up starts from a new key: the app that held the old one gets nothing more.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await signIn.RefreshSignInAsync(user);
        _log.LogInformation("Organizer {Email} turned two-factor sign-in off.", user.UserName);
        Notice = "Two-factor sign-in is off: signing in needs only the password. You can remove this site from your app.";
        return RedirectToPage(new { ReturnUrl });
    }

    private async Task LoadAsync(IdentityUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("The store kept no authenticator key.");
        }
        SharedKey = AuthenticatorCode.Grouped(key);
        AuthenticatorUri = AuthenticatorCode.Uri(Request.Host.Host, user.Email ?? user.UserName ?? "", key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>How authenticator keys are shown and codes read: what people type is forgiving about spaces and case.</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string? typed) =>
        string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool IsTotp(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>Identity writes recovery codes as XXXXX-XXXXX; the dash may be left out.</summary>
    public static string AsRecoveryCode(string code) => code.Length == 10 && !code.Contains('-') ? $"{code[..5]}-{code[5..]}" : code;

    public static string Grouped(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>The Key Uri Format authenticator apps read (otpauth://totp/Issuer:account?secret=...&amp;issuer=...).</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
}
