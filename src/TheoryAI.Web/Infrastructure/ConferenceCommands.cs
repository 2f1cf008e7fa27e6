using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Maintenance commands run instead of the site: <c>dotnet TheoryAI.Web.dll seed [--replace] [--file path]</c>,
/// <c>dotnet TheoryAI.Web.dll add-organizer --email someone@example.org [--reset-two-factor]</c> (password from ORGANIZER_PASSWORD or stdin).
/// </summary>
public static class ConferenceCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed" or "add-organizer" or "import" or "export" or "migrate" or "publish-static";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == "publish-static")
        {
            return await PublishStaticAsync(app, args[1..]);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args[0])
        {
            case "seed":
                return await SeedAsync(services, args[1..]);
            case "migrate":
                return await MigrateAsync(services);
            case "add-organizer":
                return await AddOrganizerAsync(services, args[1..], Console.In,
                    Environment.GetEnvironmentVariable(OrganizerPasswordVariable), Console.Out, Console.Error);
            case "import":
                return await ProgrammeTransferCommands.ImportAsync(services, args[1..], Console.Out, Console.Error);
            case "export":
                return await ProgrammeTransferCommands.ExportAsync(services, args[1..], Console.Out, Console.Error);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
                return 2;
        }
    }

    /// <summary>
    /// Brings the store up to date and imports the seed into an empty store, then exits: run once before the nodes of a
    /// deployment start (with Conference:SeedOnStart=false). Start-up migration is safe too when nodes start at once
    /// (on PostgreSQL they take turns under <see cref="TheoryAI.Web.Data.StoreMigrationLock"/>; on Sqlite the file's
    /// write lock serializes them).
    /// </summary>
    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var importer = services.GetRequiredService<SeedImporter>();
        try
        {
            var outcome = await importer.MigrateAndImportIfEmptyAsync(services.GetRequiredService<IOptions<ConferenceOptions>>().Value.ResolveSeedFile());
            Console.WriteLine(outcome == SeedOutcome.Imported ? "The store is up to date; the seed was imported." : "The store is up to date.");
            return 0;
        }
        catch (SeedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>publish-static --out DIR</c>: starts the site on a loopback port of its own, writes the visitor-independent
    /// views into DIR under their addresses (Export/Static), and stops.
    /// </summary>
    private static async Task<int> PublishStaticAsync(WebApplication app, string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0 || outIndex + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("Usage: publish-static --out DIR (the folder nginx or a static host serves).");
            return 2;
        }
        var folder = Path.GetFullPath(args[outIndex + 1]);
        app.MapConference();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = app.Urls.First();
            using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
            await using var scope = app.Services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<TheoryAI.Web.Export.Static.StaticPublisher>().PublishAsync(client, folder);
            Console.WriteLine($"Wrote {count} files to {folder}.");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string[] args)
    {
        var replace = args.Contains("--replace");
        var fileIndex = Array.IndexOf(args, "--file");
        var seedFile = fileIndex >= 0 && fileIndex + 1 < args.Length
            ? Path.GetFullPath(args[fileIndex + 1])
            : services.GetRequiredService<IOptions<ConferenceOptions>>().Value.ResolveSeedFile();
        var importer = services.GetRequiredService<SeedImporter>();
        try
        {
            await importer.MigrateAsync();
            if (replace)
            {
                await importer.ReplaceAsync(seedFile);
                Console.WriteLine($"Replaced the programme with {seedFile}.");
                return 0;
            }
            var outcome = await importer.ImportIfEmptyAsync(seedFile);
            if (outcome == SeedOutcome.StoreAlreadyHoldsProgramme)
            {
                await Console.Error.WriteLineAsync("The store already holds a programme; nothing was imported. Use 'seed --replace' to discard it and import the seed again (organizer accounts are kept).");
                return 1;
            }
            Console.WriteLine($"Imported {seedFile}.");
            return 0;
        }
        catch (SeedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    public const string OrganizerPasswordVariable = "ORGANIZER_PASSWORD";

    /// <summary>
    /// Creates an organizer account (or gives an existing account the Organizer role and the new password). The
    /// password comes from ORGANIZER_PASSWORD or the first line of standard input, never from the command line,
    /// where it would stay in the shell history and the process list.
    /// </summary>
    public static async Task<int> AddOrganizerAsync(IServiceProvider services, string[] args, TextReader stdin,
        string? passwordFromEnvironment, TextWriter output, TextWriter error)
    {
        if (args.Any(a => a.StartsWith("--password", StringComparison.OrdinalIgnoreCase)))
        {
            await error.WriteLineAsync($"Do not put the password on the command line: set {OrganizerPasswordVariable} or type it on standard input.");
            return 2;
        }
        var emailIndex = Array.IndexOf(args, "--email");
        var email = emailIndex >= 0 && emailIndex + 1 < args.Length ? args[emailIndex + 1].Trim() : null;
        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            await error.WriteLineAsync("Usage: add-organizer --email someone@example.org [--reset-two-factor]  (password from ORGANIZER_PASSWORD or standard input)");
            return 2;
        }
        var password = passwordFromEnvironment;
        if (string.IsNullOrEmpty(password))
        {
            password = !Console.IsInputRedirected && ReferenceEquals(stdin, Console.In)
                ? ReadHidden($"Password for {email} (not shown): ")
                : (await stdin.ReadLineAsync())?.TrimEnd('\r', '\n');
        }
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password given: set {OrganizerPasswordVariable} or pipe it on standard input.");
            return 2;
        }

        await services.GetRequiredService<SeedImporter>().MigrateAsync();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        if (!await roles.RoleExistsAsync(OrganizerSecurity.OrganizerRole))
        {
            await Check(await roles.CreateAsync(new IdentityRole(OrganizerSecurity.OrganizerRole)));
        }
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        string done;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
            done = $"Created organizer {email}.";
        }
        else
        {
            result = await ValidatePasswordAsync(users, user, password);
            if (result.Succeeded)
            {
                await Check(await users.RemovePasswordAsync(user));
                result = await users.AddPasswordAsync(user, password);
            }
            done = $"{email} already had an account: its password was replaced and it is an organizer.";
            if (result.Succeeded && await users.GetTwoFactorEnabledAsync(user))
            {
                // For an organizer who lost the phone and the recovery codes.
                if (args.Contains("--reset-two-factor"))
                {
                    await Check(await users.SetTwoFactorEnabledAsync(user, false));
                    await Check(await users.ResetAuthenticatorKeyAsync(user));
                    done += " Two-factor sign-in is off until it is set up again.";
                }
                else
                {
                    done += " Two-factor sign-in stays on (--reset-two-factor turns it off).";
                }
            }
        }
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync(problem.Description);
            }
            return 1;
        }
        if (!await users.IsInRoleAsync(user, OrganizerSecurity.OrganizerRole))
        {
            await Check(await users.AddToRoleAsync(user, OrganizerSecurity.OrganizerRole));
        }
        await output.WriteLineAsync(done + " Sign in at /account/login.");
        return 0;

        static string ReadHidden(string prompt)
        {
            Console.Write(prompt);
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }
            Console.WriteLine();
            return typed.ToString();
        }

        static async Task<IdentityResult> ValidatePasswordAsync(UserManager<IdentityUser> users, IdentityUser user, string password)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var outcome = await validator.ValidateAsync(users, user, password);
                if (!outcome.Succeeded)
                {
                    return outcome;
                }
            }
            return IdentityResult.Success;
        }

        static Task Check(IdentityResult r) => r.Succeeded
            ? Task.CompletedTask
            : throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Description)));
    }
}
