namespace MovingCities.Web.Commitments;

/// <summary>A German and an English text, as the API and the geodata files give titles and descriptions.</summary>
public sealed record LocalizedText(string De, string En);
