using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TheoryAI.Web.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class LogoutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
