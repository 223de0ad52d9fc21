using System.Net;
using System.Text.Json;

namespace MovingCities.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>A 400 problem+json whose <c>errors</c> name the parameter with a message; returns the messages.</summary>
    public static async Task<string[]> BadRequestNaming(HttpResponseMessage response, string parameter)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.GetProperty("errors").GetProperty(parameter).Strings();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        return messages;
    }
}
