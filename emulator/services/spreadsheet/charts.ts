import type { SheetsContext } from './context';
import type { Rect, SheetModel } from './model';
import { FakeRange, rangeAt } from './range';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type BarBuilder = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type BuilderMethods =
  'addRange' | 'clearRanges' | 'getRanges' | 'asBarChart' | 'setOption' | 'setPosition' | 'build';
type ChartMethods = 'getChartId' | 'getRanges' | 'getOptions' | 'modify';

/** A chart as its sheet stores it. */
export interface ChartSpec {
  /** Unique in the spreadsheet once inserted (Sheet.insertChart); null before. */
  id: number | null;
  type: 'BAR' | null;
  stacked: boolean;
  rects: Rect[];
  options: Record<string, unknown>;
  /** Where its top-left corner is anchored: a row, a column, and an offset in pixels. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

function cloneSpec(s: ChartSpec): ChartSpec {
  return {
    ...s,
    rects: s.rects.map((r) => ({ ...r })),
    options: { ...s.options },
    position: { ...s.position },
  };
}

/**
 * An embedded chart (developers.google.com/apps-script/reference/spreadsheet/embedded-chart): its
 * ID once inserted, its ranges, its options (`getOptions().get('title')`) and `modify()`.
 */
export class FakeEmbeddedChart implements Pick<Chart, ChartMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetModel,
    readonly spec: Readonly<ChartSpec>,
  ) {}

  getChartId(): number | null {
    return this.ctx.exec.call('EmbeddedChart.getChartId', () => this.spec.id);
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ctx.exec.call('EmbeddedChart.getRanges', () =>
      this.spec.rects.map((r) => rangeAt(this.ctx, this.sheet, r)),
    ) as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = { ...this.spec.options };
    return this.ctx.exec.call('EmbeddedChart.getOptions', () => ({
      get: (option: string) => options[option] ?? null,
      getOrDefault: (option: string) => options[option] ?? null,
    })) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }

  modify(): Builder {
    return this.ctx.exec.call(
      'EmbeddedChart.modify',
      () => new FakeEmbeddedChartBuilder(this.ctx, this.sheet, cloneSpec(this.spec)),
    ) as unknown as Builder;
  }
}

/**
 * `Sheet.newChart()` (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder):
 * the subset addRange, clearRanges, getRanges, asBarChart (setStacked, setTitle), setOption,
 * setPosition and build. A range of another sheet is refused, and building a chart without a type
 * or a range throws, as Sheets cannot draw one.
 */
export class FakeEmbeddedChartBuilder implements Pick<Builder, BuilderMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetModel,
    private readonly spec: ChartSpec = {
      id: null,
      type: null,
      stacked: false,
      rects: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    },
  ) {}

  private set<T>(method: string, body: () => void): T {
    return this.ctx.exec.call(`EmbeddedChartBuilder.${method}`, () => {
      body();
      return this as unknown as T;
    });
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    return this.set('addRange', () => {
      if (!(range instanceof FakeRange) || range.location.sheet !== this.sheet)
        throw this.ctx.exec.error('Invalid argument: range');
      this.spec.rects.push({ ...range.location.rect });
    });
  }

  clearRanges(): Builder {
    return this.set('clearRanges', () => {
      this.spec.rects = [];
    });
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ctx.exec.call('EmbeddedChartBuilder.getRanges', () =>
      this.spec.rects.map((r) => rangeAt(this.ctx, this.sheet, r)),
    ) as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  asBarChart(): BarBuilder {
    return this.set('asBarChart', () => {
      this.spec.type = 'BAR';
    });
  }

  /** EmbeddedBarChartBuilder.setStacked. */
  setStacked(): BarBuilder {
    return this.set('setStacked', () => {
      this.spec.stacked = true;
    });
  }

  /** EmbeddedBarChartBuilder.setTitle: the 'title' option. */
  setTitle(chartTitle: string): BarBuilder {
    return this.set('setTitle', () => {
      this.spec.options.title = String(chartTitle);
    });
  }

  setOption(option: string, value: unknown): Builder {
    return this.set('setOption', () => {
      this.spec.options[String(option)] = value;
    });
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    return this.set('setPosition', () => {
      if (!(anchorRowPos >= 1 && anchorColPos >= 1)) throw this.ctx.exec.error('Invalid argument: position');
      this.spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    });
  }

  build(): Chart {
    return this.ctx.exec.call('EmbeddedChartBuilder.build', () => {
      if (!this.spec.type) throw this.ctx.exec.error('The chart has no chart type.');
      if (!this.spec.rects.length) throw this.ctx.exec.error('The chart has no data ranges.');
      return new FakeEmbeddedChart(this.ctx, this.sheet, cloneSpec(this.spec));
    }) as unknown as Chart;
  }
}
