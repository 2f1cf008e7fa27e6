using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Web.Pages.Account;

public sealed record TwoFactorLoginInput
{
    [Display(Name = "Code")]
    [Required(ErrorMessage = "Code: enter the 6-digit code from your authenticator app, or one of your recovery codes.")]
    [StringLength(24, ErrorMessage = "Code: enter the 6 digits from the app, or a recovery code like 2B4C6-D8F9G.")]
    public string Code { get; init; } = "";
}

/// <summary>
/// The second step of signing in, after the password (Identity keeps who is signing in in its two-factor cookie for
/// a few minutes). A wrong code counts towards the lockout like a wrong password.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(OrganizerSecurity.LoginRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<IdentityUser> signIn, ILoggerFactory loggers) : PageModel
{
    public const string WrongCode = "Code: that is not the current code from your authenticator app, nor an unused recovery code. Enter the 6 digits the app shows now. After five failed attempts the account is locked for 15 minutes.";
    public const string Locked = "Too many failed attempts: the account is locked for 15 minutes. Wait, then sign in again.";

    private readonly ILogger _log = loggers.CreateLogger(OrganizerSecurity.SecurityLogCategory);

    [BindProperty]
    public TwoFactorLoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToPassword() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return BackToPassword();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = AuthenticatorCode.Normalize(Input.Code);
        var fromApp = AuthenticatorCode.IsTotp(code);
        var result = fromApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(AuthenticatorCode.AsRecoveryCode(code));
        var factor = fromApp ? "authenticator code" : "recovery code";
        if (result.Succeeded)
        {
            _log.LogInformation("Organizer {Email} signed in with a {Factor}.", user.UserName, factor);
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl, Url));
        }
        _log.LogWarning("Sign-in failed for {Email} from {Client}: wrong {Factor}{Locked}.", user.UserName,
            HttpContext.Connection.RemoteIpAddress, factor, result.IsLockedOut ? " (locked out)" : "");
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? Locked : WrongCode);
        return Page();
    }

    /// <summary>No password step in progress (or it expired after a few minutes): start again.</summary>
    private RedirectToPageResult BackToPassword() => RedirectToPage("/Account/Login", new { ReturnUrl });
}
