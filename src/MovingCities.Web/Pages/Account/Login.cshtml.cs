using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MovingCities.Web.Editors;

namespace MovingCities.Web.Pages.Account;

[EnableRateLimiting(EditorSecurity.LoginRateLimit)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, Microsoft.Extensions.Localization.IStringLocalizer<Resources.Strings> text) : PageModel
{
    public sealed class Credentials
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        // One answer to every refused sign-in (unknown email, wrong password, locked account): different answers would tell a stranger which addresses have accounts.
        Problem = text["Account.SignInRefused", EditorSecurity.LockoutDuration.TotalMinutes, EditorSecurity.LockoutAttempts];
        return Page();
    }
}
