using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MovingCities.Web.Http;

/// <summary>
/// Form fields read as browsers send them: a number field sends <c>47.66</c> and a date field <c>2026-11-30</c>
/// whatever the page's language, so binding must not read them in the request's culture (in German <c>47.66</c>
/// would be 4766). Replaces the form value provider with one that reads the invariant culture, as the query
/// string's already does.
/// </summary>
public static class InvariantForms
{
    public static void Use(IList<IValueProviderFactory> factories)
    {
        var index = factories.ToList().FindIndex(f => f is FormValueProviderFactory);
        if (index >= 0)
            factories[index] = new Factory();
        else
            factories.Add(new Factory());
    }

    sealed class Factory : IValueProviderFactory
    {
        public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var request = context.ActionContext.HttpContext.Request;
            if (!request.HasFormContentType)
                return;
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync();
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // As the framework's own provider answers a form it cannot read: 400, nothing bound.
                throw new ValueProviderException($"Failed to read the request form. {e.Message}", e);
            }
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
        }
    }
}
