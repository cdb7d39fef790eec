import type { Execution } from '../../core/execution';
import type { SheetsContext } from './context';
import type { RuleModel, SheetModel } from './model';
import { FakeRange, normalizeColor, rangeAt } from './range';

type RuleMethods = 'getRanges' | 'copy';
type BuilderMethods =
  'whenTextEqualTo' | 'setBackground' | 'setFontColor' | 'setRanges' | 'build' | 'getRanges';
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

interface RuleSpec {
  text: string | null;
  background: string | null;
  fontColor: string | null;
  ranges: FakeRange[];
}

/**
 * A conditional format rule
 * (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule):
 * "text is exactly" with a background and/or font colour, over ranges of one sheet. The emulator
 * stores rules; like Sheets, it does not change what `getBackgrounds` reports for matching cells.
 */
export class FakeConditionalFormatRule implements Pick<Rule, RuleMethods> {
  constructor(
    private readonly exec: Execution,
    readonly spec: Readonly<RuleSpec>,
  ) {}

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.exec.call('ConditionalFormatRule.getRanges', () => [
      ...this.spec.ranges,
    ]) as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  copy(): Builder {
    return this.exec.call(
      'ConditionalFormatRule.copy',
      () => new FakeConditionalFormatRuleBuilder(this.exec, { ...this.spec, ranges: [...this.spec.ranges] }),
    ) as unknown as Builder;
  }

  /** The rule as its sheet stores it. */
  toModel(): RuleModel {
    return {
      text: this.spec.text,
      background: this.spec.background,
      fontColor: this.spec.fontColor,
      rects: this.spec.ranges.map((r) => r.location.rect),
    };
  }

  /** A rule object for a stored rule of `sheet`. */
  static fromModel(ctx: SheetsContext, sheet: SheetModel, m: RuleModel): FakeConditionalFormatRule {
    const ranges = m.rects.map((r) => rangeAt(ctx, sheet, r));
    return new FakeConditionalFormatRule(ctx.exec, {
      text: m.text,
      background: m.background,
      fontColor: m.fontColor,
      ranges,
    });
  }
}

/**
 * `SpreadsheetApp.newConditionalFormatRule()`
 * (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder):
 * the subset whenTextEqualTo, setBackground, setFontColor, setRanges, build.
 */
export class FakeConditionalFormatRuleBuilder implements Pick<Builder, BuilderMethods> {
  constructor(
    private readonly exec: Execution,
    private readonly spec: RuleSpec = { text: null, background: null, fontColor: null, ranges: [] },
  ) {}

  private set(method: string, body: () => void): Builder {
    return this.exec.call(`ConditionalFormatRuleBuilder.${method}`, () => {
      body();
      return this as unknown as Builder;
    });
  }

  whenTextEqualTo(text: string): Builder {
    return this.set('whenTextEqualTo', () => (this.spec.text = String(text)));
  }

  setBackground(color: string | null): Builder {
    return this.set(
      'setBackground',
      () => (this.spec.background = color === null ? null : normalizeColor(color)),
    );
  }

  setFontColor(color: string | null): Builder {
    return this.set(
      'setFontColor',
      () => (this.spec.fontColor = color === null ? null : normalizeColor(color)),
    );
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Builder {
    return this.set('setRanges', () => (this.spec.ranges = [...(ranges as unknown as FakeRange[])]));
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.exec.call('ConditionalFormatRuleBuilder.getRanges', () => [
      ...this.spec.ranges,
    ]) as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  build(): Rule {
    return this.exec.call(
      'ConditionalFormatRuleBuilder.build',
      () => new FakeConditionalFormatRule(this.exec, { ...this.spec, ranges: [...this.spec.ranges] }),
    ) as unknown as Rule;
  }
}
