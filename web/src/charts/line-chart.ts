// A uPlot line chart as a Lit element. Data arrive as columns (x, then one array per series);
// the chart redraws at most once per animation frame however often the columns change, so a
// worker sending an event per batch never makes the page draw per batch.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { LanguageController, ui } from '../i18n';
import { axisTheme, base } from '../ui/theme';

export interface SeriesStyle {
  label: string;
  color: string;
  dash?: number[];
  /** Draw points only (for sparse series such as per-epoch values). */
  points?: boolean;
}

/** A whole power of ten as a tick label: 0.001 … 1000 written out, others as 1e-23, 1e+5. */
function powerOfTen(e: number): string {
  return Math.abs(e) <= 3 ? String(Number((10 ** e).toFixed(Math.max(0, -e)))) : (10 ** e).toExponential(0);
}

/** The y range of a log axis, in powers of ten: from the decade below the data to the one above. */
function decades(_u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-1, 0];
  const lo = Math.floor(min);
  return [lo, Math.max(lo + 1, Math.ceil(max))];
}

@customElement('line-chart')
export class LineChart extends LitElement {
  private readonly language = new LanguageController(this);
  /** The chart's accessible name; the element also says how many points it holds. */
  @property() label = '';
  @property() xLabel = '';
  @property() yLabel = '';
  @property({ attribute: false }) series: SeriesStyle[] = [];
  /** [x, y1, y2, ...]; null entries leave gaps. */
  @property({ attribute: false }) columns: (number | null)[][] = [[]];
  @property({ type: Number }) height = 220;
  /** Ticks on whole x values only (epochs). */
  @property({ type: Boolean }) integerX = false;
  /**
   * A logarithmic y axis (values ≤ 0 must be given as null). Drawn as log10 of the values on a
   * linear axis whose ticks are whole powers of ten: with uPlot's own log scale, a 500-token review
   * whose earliest gradients are about 1e-23 made its tick code throw, and the chart stayed blank
   * for good (observed with uPlot 1.6.32; the axis here does not depend on its tick tables).
   */
  @property({ type: Boolean }) logY = false;

  private plot: uPlot | null = null;
  private frame = 0;
  private resize: ResizeObserver | null = null;
  private seriesKey = '';

  static styles = [
    unsafeCSS(uPlotCss),
    base,
    css`
    :host { display: block; min-width: 0; }
    figure { margin: 0; }
    figcaption { font-size: var(--text-sm); font-weight: 600; margin-bottom: var(--space-1); }
    .plot { width: 100%; min-height: 1px; }
    .u-legend { font-size: var(--text-xs); color: var(--text); }
    .u-legend .u-marker { width: 1.4em; }
  `,
  ];

  /** Points drawn so far (the x column's length). */
  get pointCount(): number {
    return this.columns[0]?.length ?? 0;
  }

  render() {
    const n = this.pointCount;
    // The text alternative: the title and point count as the name, the latest value of every
    // series as the description (what a sighted reader takes from the line's end).
    const latest = this.series.flatMap((s, i) => {
      const col = this.columns[i + 1] ?? [];
      for (let j = col.length - 1; j >= 0; j--)
        if (col[j] !== null && Number.isFinite(col[j]))
          return [`${s.label} ${(col[j] as number).toFixed(3)}`];
      return [];
    });
    return html`<figure role="img" aria-label=${ui.common.chartPoints(this.label, n)} aria-describedby="latest">
      <figcaption aria-hidden="true">${this.label}</figcaption>
      <div class="plot"></div>
      <p id="latest" class="sr-only">${latest.length ? ui.common.chartLatest(latest.join(', ')) : ''}</p>
    </figure>`;
  }

  protected updated(changed: PropertyValues): void {
    const key =
      JSON.stringify(this.series) + this.height + this.xLabel + this.yLabel + this.integerX + this.logY;
    if (!this.plot || key !== this.seriesKey) {
      this.seriesKey = key;
      this.create();
    } else if (changed.has('columns')) {
      this.scheduleDraw();
    }
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => {
      const w = this.plotWidth();
      if (this.plot && w > 0 && Math.abs(w - this.plot.width) > 1)
        this.plot.setSize({ width: w, height: this.height });
    });
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
    this.plot?.destroy();
    this.plot = null;
  }

  private plotWidth(): number {
    return Math.floor(this.getBoundingClientRect().width);
  }

  private create(): void {
    this.plot?.destroy();
    const target = this.renderRoot.querySelector('.plot') as HTMLElement;
    const axis = axisTheme();
    const opts: uPlot.Options = {
      width: Math.max(this.plotWidth(), 200),
      height: this.height,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false },
        // Whole decades around the data, as a log axis shows them.
        ...(this.logY ? { y: { range: decades } } : {}),
      },
      axes: [
        this.integerX
          ? { ...axis, label: this.xLabel, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500] }
          : { ...axis, label: this.xLabel },
        this.logY
          ? {
              ...axis,
              label: this.yLabel,
              incrs: [1, 2, 5, 10, 20, 50],
              values: (_u, splits) => splits.map((e) => (Number.isInteger(e) ? powerOfTen(e) : '')),
            }
          : { ...axis, label: this.yLabel },
      ],
      series: [
        { label: this.xLabel },
        ...this.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash,
          spanGaps: true,
          points: { show: s.points ?? false, size: 6, fill: s.color },
          ...(this.logY
            ? { value: (_u: uPlot, e: number | null) => (e === null ? '--' : (10 ** e).toPrecision(3)) }
            : {}),
        })),
      ],
    };
    this.plot = new uPlot(opts, this.data(), target);
  }

  private data(): uPlot.AlignedData {
    const cols =
      this.columns.length === this.series.length + 1 ? this.columns : [[], ...this.series.map(() => [])];
    const drawn = this.logY
      ? cols.map((col, i) =>
          i === 0 ? col : col.map((v) => (v !== null && v > 0 && Number.isFinite(v) ? Math.log10(v) : null)),
        )
      : cols;
    return drawn as unknown as uPlot.AlignedData;
  }

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.plot?.setData(this.data());
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'line-chart': LineChart;
  }
}
