using Microsoft.AspNetCore.Identity;
using MovingCities.Web.Data;

namespace MovingCities.Web.Editors;

/// <summary>Creating editor accounts: there is no public sign-up, only this command.</summary>
public static class EditorAccounts
{
    /// <summary>Reads the password from standard input (one line) so scripts can pipe it in.</summary>
    public static async Task<int> CreateFromConsoleAsync(IServiceProvider services, string email, bool admin)
    {
        if (!Console.IsInputRedirected)
            Console.Write($"Password for {email}: ");
        var password = await Console.In.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("create-editor: no password on standard input; nothing was created.");
            return 1;
        }

        await Database.MigrateAndSeedAsync(services);
        await using var scope = services.CreateAsyncScope();
        var errors = await CreateAsync(scope.ServiceProvider, email, password, admin);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                await Console.Error.WriteLineAsync($"create-editor: {error}");
            await Console.Error.WriteLineAsync("create-editor: nothing was created.");
            return 1;
        }
        Console.WriteLine($"create-editor: {email} can now sign in at /account/login{(admin ? " (Editor and Admin)" : " (Editor)")}.");
        return 0;
    }

    /// <returns>What was wrong, or nothing when the account was created.</returns>
    public static async Task<List<string>> CreateAsync(IServiceProvider services, string email, string password, bool admin)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            return [$"'{email}' is not an email address."];
        if (await users.FindByEmailAsync(email) is not null)
            return [$"an account for {email} exists already."];

        foreach (var role in EditorRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return created.Errors.Select(e => e.Description).ToList();
        await users.AddToRolesAsync(user, admin ? EditorRoles.All : [EditorRoles.Editor]);
        return [];
    }
}
