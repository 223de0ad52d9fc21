using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Commitments;
using MovingCities.Web.Localization;
using MovingCities.Web.Resources;
using MovingCities.Web.Statistics;

namespace MovingCities.Web.Pages.Statistics;

/// <summary>
/// The map in numbers: the same counts as <c>GET /api/statistics</c> (<see cref="SiteStatistics"/>), each as an SVG
/// chart with its data table beside it.
/// </summary>
public sealed class IndexModel(SiteStatistics statistics, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>The statuses in the order a commitment goes through them; the withdrawn ones last, drawn apart.</summary>
    public static readonly CommitmentStatus[] Statuses =
        [CommitmentStatus.Announced, CommitmentStatus.Decided, CommitmentStatus.Implemented, CommitmentStatus.Revoked, CommitmentStatus.Rejected];

    /// <summary>About the width, in pixels, of a chart with its table beside it (statistics.css).</summary>
    const int PairWidth = 440;

    public StatisticsView Numbers { get; private set; } = null!;
    public ColumnChart Years { get; private set; } = null!;
    public BarChart Types { get; private set; } = null!;
    public BarChart Countries { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Numbers = (await statistics.GetAsync(cancellationToken)).Statistics;
        var lang = SiteLanguages.Current;

        var years = Numbers.ByYear;
        Years = new ColumnChart(years.Select(y => (y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Commitments)).ToList(), "#0b5cad", width: PairWidth)
        {
            Title = text["Statistics.Years.Heading"],
            Description = years.Count == 0
                ? text["Statistics.Years.Heading"]
                : text["Statistics.Years.Chart", years[0].Year, years[^1].Year, Numbers.Undated],
        };

        Types = new BarChart(Numbers.ByType.Select(t =>
        {
            var title = t.Title.In(lang);
            return new BarRow(title?.Text ?? t.Type, title?.Lang == lang ? null : title?.Lang, t.Total,
                Statuses.Select(s => new BarSegment(t.ByStatus.Of(s), Charts.StatusColor(s), Apart: !s.IsLive())).ToList());
        }).ToList())
        {
            Title = text["Statistics.Types.Heading"],
            Description = text["Statistics.Types.Chart"],
            Legend = Statuses.Select(s => (text[$"Status.{s}"].Value, Charts.StatusColor(s))).ToList(),
        };

        Countries = new BarChart(Numbers.ByCountry.Select(c =>
            new BarRow(Localization.Countries.Name(c.Country, lang), null, c.Commitments, [new BarSegment(c.Commitments, "#0b5cad")])).ToList(), width: PairWidth, labelWidth: 160)
        {
            Title = text["Statistics.Countries.Heading"],
            Description = text["Statistics.Countries.Chart"],
        };
    }
}
