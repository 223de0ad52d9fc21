using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Text;

namespace MovingCities.Tests.Text;

/// <summary>
/// Properties of the text core over arbitrary strings: FsCheck's strings (any UTF-16 code unit, lone surrogates
/// included) mixed with the kinds of text people really send (emoji, other scripts, decomposed accents).
/// </summary>
public partial class TextPropertyTests
{
    /// <summary>Pieces that broke or could break folding; FsCheck combines them with random text.</summary>
    static readonly string[] Pieces =
    [
        "😀", "🇩🇪", "👩‍👩‍👧", "𝕂", "Ｋｏｎ", "Osnabru\u0308ck", "Zürich", "كون", "東京", "\u200F", "\u202E", "\0", "\uD800", "\uDFFF",
        "\uFFFE", "ß", "İ", "ǅ", "ﬁ", "Ⅻ", "²", "a\u0301\u0301\u0301", " ", "-", "\t\n", "'", "\"", "<script>",
    ];

    static Arbitrary<string> PeopleText() =>
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
                Gen.Elements(Pieces),
                Gen.ListOf(Gen.OneOf(Gen.Elements(Pieces), ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString())))
                    .Select(parts => string.Concat(parts)))
            .ToArbitrary();

    [GeneratedRegex("^([a-z0-9]+(-[a-z0-9]+)*)?$")]
    private static partial Regex SlugShape();

    [Property(MaxTest = 2000)]
    public Property Slugs_never_throw_and_are_lowercase_ascii_words_joined_by_single_hyphens() =>
        Prop.ForAll(PeopleText(), text => SlugShape().IsMatch(Slug.From(text)));

    [Property(MaxTest = 2000)]
    public Property A_slug_is_its_own_slug() =>
        Prop.ForAll(PeopleText(), text => Slug.From(Slug.From(text)) == Slug.From(text));

    [Property(MaxTest = 2000)]
    public Property Name_folding_is_idempotent() =>
        Prop.ForAll(PeopleText(), text => Slug.SearchKey(Slug.SearchKey(text)) == Slug.SearchKey(text));

    [Property(MaxTest = 2000)]
    public Property Composed_and_decomposed_text_fold_alike() =>
        Prop.ForAll(PeopleText(), text =>
        {
            var clean = UnicodeText.Clean(text);
            var decomposed = clean.Normalize(System.Text.NormalizationForm.FormD);
            return Slug.SearchKey(decomposed) == Slug.SearchKey(clean) && Slug.From(decomposed) == Slug.From(clean);
        });

    [Property(MaxTest = 2000)]
    public Property Cleaning_gives_well_formed_composed_text_and_is_idempotent() =>
        Prop.ForAll(PeopleText(), text =>
        {
            var clean = UnicodeText.Clean(text);
            var wellFormed = System.Text.Unicode.Utf8.FromUtf16(clean, new byte[clean.Length * 3 + 4], out _, out _,
                replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
            return wellFormed && UnicodeText.Clean(clean) == clean && clean.IsNormalized();
        });

    static Gen<(int Year, int? Month, int? Day)> PartialDates() =>
        from year in Gen.Choose(1000, 9999)
        from precision in Gen.Choose(1, 3)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
        select precision switch
        {
            1 => (year, (int?)null, (int?)null),
            2 => (year, (int?)month, (int?)null),
            _ => (year, (int?)month, (int?)day),
        };

    [Property(MaxTest = 1000)]
    public Property Partial_dates_print_and_parse_back_to_the_same_parts() =>
        Prop.ForAll(PartialDates().ToArbitrary(), date =>
        {
            var text = PartialDate.Format(date.Year, date.Month, date.Day);
            return PartialDate.TryParse(text, out var year, out var month, out var day)
                && (year, month, day) == date
                && PartialDate.Format(year, month, day) == text;
        });

    [Property(MaxTest = 2000)]
    public Property Partial_date_parsing_never_throws_and_accepts_only_ascii_digits() =>
        Prop.ForAll(PeopleText(), text =>
            !PartialDate.TryParse(text, out var year, out var month, out var day)
            || PartialDate.Format(year, month, day) == text);

    static readonly IReadOnlySet<string> Types = new HashSet<string> { "safe-harbour", "sea-rescue-support" };

    [Property(MaxTest = 2000)]
    public Property The_city_query_parser_never_throws_and_names_what_is_wrong() =>
        Prop.ForAll(PeopleText(), PeopleText(), PeopleText(), (commitment, country, q) =>
        {
            // bbox takes a number-shaped piece now and then, so its range checks run too
            var bbox = q.Length % 2 == 0 ? q : "5.8,47.2," + country;
            // every text reaches the new filters too: status, the years, undated and region
            var (_, errors) = new CityQuery(commitment, country, bbox, q, Status: q, From: country, To: commitment, Undated: q, Region: q).Parse(Types);
            return errors.All(e => CityQuery.Names.Contains(e.Key) && e.Value.All(m => !string.IsNullOrWhiteSpace(m)));
        });
}
