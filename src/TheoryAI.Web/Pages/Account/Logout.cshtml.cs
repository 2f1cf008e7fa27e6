using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TheoryAI.Web.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class LogoutModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends every copy of this session's cookie, not only the one this browser drops.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
