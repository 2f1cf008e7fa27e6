using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Infrastructure.Passwords;

namespace TheoryAI.Web.Pages.Account;

public sealed record LoginInput
{
    [Required(ErrorMessage = "Enter the e-mail address of your organizer account.")]
    [EmailAddress(ErrorMessage = "Email: enter an address like name@example.org.")]
    [StringLength(256)]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(OrganizerPasswordValidator.MaxLength)]
    [DataType(DataType.Password)]
    public string Password { get; init; } = "";
}

[AllowAnonymous]
[EnableRateLimiting(OrganizerSecurity.LoginRateLimit)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, ILoggerFactory loggers) : PageModel
{
    /// <summary>One answer for every refusal, so the page does not tell which addresses have accounts.</summary>
    public const string Refused = "The e-mail address or the password is wrong. After five failed attempts an account is locked for 15 minutes: then wait and try again.";

    private readonly ILogger _log = loggers.CreateLogger(OrganizerSecurity.SecurityLogCategory);

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; only a path on this site is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            _log.LogInformation("Organizer {Email} signed in.", Input.Email);
            return LocalRedirect(SafeReturnUrl(ReturnUrl, Url));
        }
        if (result.RequiresTwoFactor)
        {
            _log.LogInformation("Password accepted for {Email}; asking for the authenticator code.", Input.Email);
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }
        _log.LogWarning("Sign-in failed for {Email} from {Client}{Locked}.", Input.Email, HttpContext.Connection.RemoteIpAddress,
            result.IsLockedOut ? " (locked out)" : "");
        ModelState.AddModelError("", Refused);
        return Page();
    }

    /// <summary>A local path, or the admin home. Anything off-site ("//evil", "https://...", "/\evil") is dropped.</summary>
    public static string SafeReturnUrl(string? returnUrl, IUrlHelper url) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";
}
