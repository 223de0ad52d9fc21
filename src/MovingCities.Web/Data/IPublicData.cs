namespace MovingCities.Web.Data;

/// <summary>
/// Declares an entity as public data: what the map, the API, the pages and the feeds show. Saving a change to
/// one raises <see cref="DataVersion"/>, so prepared responses rebuild; entities without it (history entries,
/// Identity's accounts and sign-in counters) change nothing the public sees. A many-to-many join between public
/// entities (a post's city tags) is public too.
/// </summary>
public interface IPublicData;
