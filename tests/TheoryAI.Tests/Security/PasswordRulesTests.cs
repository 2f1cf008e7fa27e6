using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Infrastructure.Passwords;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 10: add-organizer refuses guessable passwords and ones the sign-in form cannot take.</summary>
public sealed class PasswordRulesTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    private async Task<(int Exit, string Errors)> AddAsync(string email, string password)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var errors = new StringWriter();
        var exit = await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider, ["--email", email], new StringReader(""), password, TextWriter.Null, errors);
        return (exit, errors.ToString());
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("PASSWORD1234")]
    public async Task A_common_password_is_refused(string password)
    {
        var (exit, errors) = await AddAsync($"common{password.GetHashCode():x}@example.org", password);
        Assert.Equal(1, exit);
        Assert.Contains("most common", errors);
    }

    [Fact]
    public async Task The_accounts_own_address_is_refused_as_its_password()
    {
        var (exit, errors) = await AddAsync("self.reference@example.org", "self.reference@example.org");
        Assert.Equal(1, exit);
        Assert.Contains("own e-mail address", errors);
    }

    [Fact]
    public async Task A_password_longer_than_the_sign_in_form_takes_is_refused()
    {
        var (exit, errors) = await AddAsync("long@example.org", new string('x', 150) + " " + new string('y', 150));
        Assert.Equal(1, exit);
        Assert.Contains($"at most {OrganizerPasswordValidator.MaxLength}", errors);
    }

    [Fact]
    public async Task A_password_of_the_maximum_length_is_accepted_and_signs_in()
    {
        var password = string.Concat(Enumerable.Repeat("unusual words ", 20))[..OrganizerPasswordValidator.MaxLength];
        var (exit, _) = await AddAsync("longest@example.org", password);
        Assert.Equal(0, exit);
        var response = await OrganizerSite.SignInAsync(site.NewClient(), "longest@example.org", password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public void The_shipped_list_holds_thousands_of_long_common_passwords()
    {
        Assert.True(OrganizerPasswordValidator.IsCommon("password1234"));
        Assert.True(OrganizerPasswordValidator.IsCommon("qwertyuiopasdfghjkl") || OrganizerPasswordValidator.IsCommon("1234567890123"));
        Assert.False(OrganizerPasswordValidator.IsCommon(OrganizerSite.Password));
    }
}
