using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages.Account;

/// <summary>Issue 10 item 5: the sign-in form does not tell which addresses have accounts.</summary>
public sealed class AccountProbingTests
{
    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private static int _verifications;
        private readonly PasswordHasher<IdentityUser> _inner = new();
        public static int Verifications => Volatile.Read(ref _verifications);
        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class HashCountingSite : OrganizerSite
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<IPasswordHasher<IdentityUser>, CountingHasher>());
        }
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response) =>
        (await HtmlForm.ParseAsync(response)).QuerySelector(".validation-summary-errors, [data-valmsg-summary]")?.TextContent.Trim()
        ?? throw new InvalidOperationException("No validation summary on the page.");

    [Fact]
    public async Task A_locked_account_and_an_unknown_address_get_the_same_message()
    {
        using var site = new OrganizerSite();
        var email = await site.AddOrganizerAsync("probed@example.org");
        var client = site.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await OrganizerSite.SignInAsync(client, email, $"wrong password {i}");
        }
        var locked = await RefusalAsync(await OrganizerSite.SignInAsync(client, email));
        var unknown = await RefusalAsync(await OrganizerSite.SignInAsync(site.NewClient(), "nobody.here@example.org", "some password guess"));
        var wrong = await RefusalAsync(await OrganizerSite.SignInAsync(site.NewClient(), await site.AddOrganizerAsync("other@example.org"), "some password guess"));

        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public async Task An_unknown_address_costs_a_password_check_like_a_known_one()
    {
        using var site = new HashCountingSite();
        var before = CountingHasher.Verifications;
        await OrganizerSite.SignInAsync(site.NewClient(), "unknown.address@example.org", "some password guess");
        Assert.True(CountingHasher.Verifications > before, "the password hasher did not run for an unknown address");
    }
}
