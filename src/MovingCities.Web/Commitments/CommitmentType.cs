using MovingCities.Web.Data;
namespace MovingCities.Web.Commitments;

/// <summary>
/// One kind of promise a city can make. The catalogue is data (geodata/commitment-types.json), so a new kind
/// needs no code change.
/// </summary>
public class CommitmentType : IPublicData
{
    /// <summary>Stable kebab-case key used in URLs and files, e.g. <c>sea-rescue-support</c>.</summary>
    public required string Key { get; set; }

    public required string TitleDe { get; set; }
    public required string TitleEn { get; set; }
    public required string DescriptionDe { get; set; }
    public required string DescriptionEn { get; set; }

    /// <summary>CSS hex colour (#rrggbb) the map and legend use: its family's, the same for every type in it.</summary>
    public required string Color { get; set; }

    /// <summary>
    /// The colour family (<c>harbour</c>, <c>admission</c>, …): four or five families a reader can tell apart at map
    /// scale, also with colour-vision deficiency, where twelve colours could not be (docs/design.md). The family's
    /// name is a text of the map (<c>family.{key}</c>).
    /// </summary>
    public string Family { get; set; } = "";

    /// <summary>Position in the catalogue file; legends list types in this order.</summary>
    public int SortOrder { get; set; }
}
