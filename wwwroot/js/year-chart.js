// A small chart of commitments per year, stacked by type in the legend's colours: an SVG drawn with DOM calls (no
// library, no inline style attribute: the CSP forbids them). The years in the chosen range are drawn full, the
// others faded. Screen readers get one sentence per year through each bar's <title>, and the chart a label.

const SVG = 'http://www.w3.org/2000/svg';

const chartOptions = {
  width: 280,
  height: 90,
  labelHeight: 14,
  gap: 2,
};

const svg = (name, attributes = {}) => {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
};

export class YearChart {
  /**
   * @param {HTMLElement} root  where the chart goes ([data-role=chart])
   * @param {Map<string, object>} typesByKey  for colours and titles, in legend order
   * @param {ReturnType<import('./locale.js').createLocale>} locale
   */
  constructor(root, typesByKey, locale) {
    this.root = root;
    this.typesByKey = typesByKey;
    this.locale = locale;
  }

  /**
   * @param {{years: number[], counts: Map<number, Map<string, number>>, max: number}} data  timeline.js's commitmentsPerYear
   * @param {{from: number|null, to: number|null}} range  the selection's years
   */
  show({ years, counts, max }, range) {
    const { width, height, labelHeight, gap } = chartOptions;
    const { locale } = this;
    const barWidth = Math.max(2, (width - gap * (years.length - 1)) / Math.max(1, years.length));
    const plot = height - labelHeight;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'year-chart__svg' });
    chart.setAttribute('aria-label', locale.text('chart.label'));
    const order = [...this.typesByKey.keys()];
    years.forEach((year, i) => {
      const perType = counts.get(year);
      const total = [...perType.values()].reduce((a, b) => a + b, 0);
      const x = i * (barWidth + gap);
      const inRange = (range.from === null || year >= range.from) && (range.to === null || year <= range.to);
      const bar = svg('g', { class: inRange ? 'year-chart__bar' : 'year-chart__bar year-chart__bar--outside', 'data-year': year });
      const title = svg('title');
      title.textContent = locale.plural('chart.bar', total, { year: String(year) });
      bar.append(title);
      let y = plot;
      for (const type of order) {
        const count = perType.get(type) ?? 0;
        if (!count || max === 0) continue;
        const h = (count / max) * (plot - 2);
        y -= h;
        bar.append(svg('rect', { x, y, width: barWidth, height: h, fill: this.typesByKey.get(type)?.color ?? '#8a8a8a' }));
      }
      chart.append(bar);
      // The first and last years, and the decades' turns between them, name the axis.
      if (i === 0 || i === years.length - 1 || year % 5 === 0) {
        const label = svg('text', { x: x + barWidth / 2, y: height - 2, 'text-anchor': 'middle', class: 'year-chart__label' });
        label.textContent = String(year);
        chart.append(label);
      }
    });
    this.root.replaceChildren(chart);
  }
}
