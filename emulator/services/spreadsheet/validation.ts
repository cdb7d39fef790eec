import type { Execution } from '../../core/execution';

type Validation = GoogleAppsScript.Spreadsheet.DataValidation;
type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type BuilderMethods =
  'requireValueInList' | 'requireTextIsEmail' | 'setAllowInvalid' | 'setHelpText' | 'build';
type ValidationMethods = 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText';

/** The criteria the emulator models (SpreadsheetApp.DataValidationCriteria). */
export type CriteriaType = 'VALUE_IN_LIST' | 'TEXT_IS_VALID_EMAIL';

/** A data-validation rule as a sheet stores it. */
export interface ValidationSpec {
  criteria: CriteriaType | null;
  /** For VALUE_IN_LIST: the values, and whether the cell shows a drop-down. */
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

/** The `SpreadsheetApp.DataValidationCriteria` values the emulator models. */
export const DATA_VALIDATION_CRITERIA: Record<CriteriaType, CriteriaType> = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
};

/**
 * A data-validation rule (developers.google.com/apps-script/reference/spreadsheet/data-validation):
 * its criteria, values, whether invalid input is allowed (with a warning) and its help text.
 */
export class FakeDataValidation implements Pick<Validation, ValidationMethods> {
  constructor(
    private readonly exec: Execution,
    readonly spec: Readonly<ValidationSpec>,
  ) {}

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.exec.call(
      'DataValidation.getCriteriaType',
      () => this.spec.criteria,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  /** For VALUE_IN_LIST: [the values, whether a drop-down shows], as the reference gives them. */
  getCriteriaValues(): unknown[] {
    return this.exec.call('DataValidation.getCriteriaValues', () =>
      this.spec.criteria === 'VALUE_IN_LIST' ? [[...this.spec.values], this.spec.showDropdown] : [],
    );
  }

  getAllowInvalid(): boolean {
    return this.exec.call('DataValidation.getAllowInvalid', () => this.spec.allowInvalid);
  }

  getHelpText(): string {
    return this.exec.call('DataValidation.getHelpText', () => this.spec.helpText);
  }
}

/**
 * `SpreadsheetApp.newDataValidation()`
 * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder): the subset
 * requireValueInList(values, showDropdown = true), requireTextIsEmail, setAllowInvalid (true by
 * default, as the reference says), setHelpText and build. Building without criteria throws, as
 * Sheets refuses a rule with none.
 */
export class FakeDataValidationBuilder implements Pick<Builder, BuilderMethods> {
  private readonly spec: ValidationSpec = {
    criteria: null,
    values: [],
    showDropdown: true,
    allowInvalid: true,
    helpText: '',
  };

  constructor(private readonly exec: Execution) {}

  private set(method: string, body: () => void): Builder {
    return this.exec.call(`DataValidationBuilder.${method}`, () => {
      body();
      return this as unknown as Builder;
    });
  }

  requireValueInList(values: string[], showDropdown?: boolean): Builder {
    return this.set('requireValueInList', () => {
      if (!Array.isArray(values) || !values.length) throw this.exec.error('Invalid argument: values');
      this.spec.criteria = 'VALUE_IN_LIST';
      this.spec.values = values.map(String);
      this.spec.showDropdown = showDropdown !== false;
    });
  }

  requireTextIsEmail(): Builder {
    return this.set('requireTextIsEmail', () => {
      this.spec.criteria = 'TEXT_IS_VALID_EMAIL';
      this.spec.values = [];
    });
  }

  setAllowInvalid(allowInvalidData: boolean): Builder {
    return this.set('setAllowInvalid', () => {
      this.spec.allowInvalid = Boolean(allowInvalidData);
    });
  }

  setHelpText(helpText: string): Builder {
    return this.set('setHelpText', () => {
      this.spec.helpText = String(helpText);
    });
  }

  build(): Validation {
    return this.exec.call('DataValidationBuilder.build', () => {
      if (!this.spec.criteria) throw this.exec.error('The data validation rule has no criteria.');
      return new FakeDataValidation(this.exec, { ...this.spec, values: [...this.spec.values] });
    }) as unknown as Validation;
  }
}
