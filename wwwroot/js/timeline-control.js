// The "play" control: shows the map growing year by year (the year filter's end moves from the first year to this
// one), with the year large and announced to screen readers; pause, step back and forward. With reduced motion
// the map is not animated between years (the explorer decides), but the steps are the same.

import { nextYear, previousYear } from './timeline.js';

const playOptions = {
  stepMs: 1400, // long enough to read the year and see the new markers
};

export class TimelineControl {
  /**
   * @param {Record<string, HTMLElement>} parts  the roles timeline-play, timeline-back, timeline-forward, timeline-year
   * @param {{min: number, max: number}} bounds
   * @param {ReturnType<import('./locale.js').createLocale>} locale
   * @param {(year: number|null) => Promise<void>} showYear  shows the map up to a year (null: every year); resolves when placed
   */
  constructor(parts, bounds, locale, showYear) {
    this.play = parts['timeline-play'];
    this.back = parts['timeline-back'];
    this.forward = parts['timeline-forward'];
    this.yearOutput = parts['timeline-year'];
    this.bounds = bounds;
    this.locale = locale;
    this.showYear = showYear;
    this.year = null;
    this.timer = null;
    this.play.addEventListener('click', () => (this.playing ? this.pause() : this.start()));
    this.back.addEventListener('click', () => this.#step(previousYear(this.year, bounds)));
    this.forward.addEventListener('click', () => this.#step(nextYear(this.year, bounds) ?? bounds.max));
    this.#render();
  }

  get playing() {
    return this.timer !== null;
  }

  /** The year the filter's end says (from the URL or the slider), so play and the steps continue from there. */
  follow(to) {
    if (this.playing) return; // the play-through sets the years itself
    this.year = to;
    this.#render();
  }

  start() {
    // A play-through from the end starts again at the beginning.
    if (this.year === null || this.year >= this.bounds.max) this.year = null;
    this.#tick();
  }

  pause() {
    clearTimeout(this.timer);
    this.timer = null;
    this.#render();
  }

  async #tick() {
    const year = nextYear(this.year, this.bounds);
    if (year === null) return this.pause();
    this.timer = -1; // playing, while the year is placed
    this.#render();
    await this.#show(year);
    if (this.timer === null) return; // paused meanwhile
    if (year >= this.bounds.max) return this.pause(); // this year reached: every city shows
    this.timer = setTimeout(() => this.#tick(), playOptions.stepMs);
  }

  async #step(year) {
    this.pause();
    await this.#show(year);
  }

  async #show(year) {
    this.year = year;
    this.#render();
    await this.showYear(year >= this.bounds.max ? null : year);
  }

  #render() {
    const { locale } = this;
    this.play.textContent = locale.text(this.playing ? 'timeline.pause' : 'timeline.play');
    this.play.setAttribute('aria-pressed', String(this.playing));
    this.yearOutput.textContent = this.year === null ? locale.text('timeline.now') : locale.text('timeline.upTo', { year: String(this.year) });
    this.back.disabled = this.year !== null && this.year <= this.bounds.min;
    this.forward.disabled = this.year === null || this.year >= this.bounds.max;
  }
}
