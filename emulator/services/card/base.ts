import type { Execution } from '../../core/execution';
import type { WidgetJson } from './json';

/**
 * Apps Script's messages for CardService objects it refuses to build. Google publishes none of
 * these texts and none could be found reported; they are this project's wording of the documented
 * rule (https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1).
 */
export const MESSAGES = {
  cardNeedsSection: 'Card must have at least one section.',
  sectionNeedsWidget: 'Card section must have at least one widget.',
  fieldNameMissing: 'Required field name is missing.',
  buttonNeedsText: 'Text button must have text.',
  buttonNeedsClick: 'Button must have an on-click action or a link.',
  actionNeedsFunction: 'Action must have a function name.',
  actionResponseEmpty: 'Action response must have a navigation, a notification or a link.',
  universalResponseEmpty: 'Universal action response must have cards or a link.',
  notificationNeedsText: 'Notification must have text.',
} as const;

/** The type name Apps Script prints for an argument in a signature-mismatch message. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (value instanceof CardPart) return `CardService.${value.kind}`;
  if (Array.isArray(value)) return 'Object[]';
  return typeof value === 'object' ? 'Object' : typeof value;
}

/**
 * Base of every CardService object: holds the execution and routes each public method through
 * `exec.call('CardService.<Class>.<method>')` (Apps Script's fully qualified name, which the latency
 * table prices as a local builder call).
 */
export abstract class CardPart {
  /** The Apps Script class name, e.g. `TextButton`. */
  abstract readonly kind: string;

  constructor(protected readonly exec: Execution) {}

  /** Runs `body` as the counted call `CardService.<kind>.<method>`. */
  protected run<T>(method: string, body: () => T): T {
    return this.exec.call(`CardService.${this.kind}.${method}`, body);
  }

  /** An error of the add-on's realm with `message`. */
  protected fail(message: string): Error {
    return this.exec.error(message);
  }

  /**
   * Apps Script's "The parameters (…) don't match the method signature for
   * CardService.<kind>.<method>." error.
   */
  protected mismatch(method: string, args: unknown[]): Error {
    return this.fail(
      `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ` +
        `CardService.${this.kind}.${method}.`,
    );
  }

  /** `value` as an instance of `ctor`, or the signature-mismatch error of `method`. */
  protected arg<T>(method: string, value: unknown, ctor: abstract new (...args: never[]) => T): T {
    if (value instanceof ctor) return value;
    throw this.mismatch(method, [value]);
  }

  /** `value` as one of the enum's values, or the signature-mismatch error of `method`. */
  protected enumArg<E extends Record<string, string>>(method: string, value: unknown, values: E): E[keyof E] {
    if (typeof value === 'string' && Object.values(values).includes(value)) return value as E[keyof E];
    throw this.mismatch(method, [value]);
  }
}

/** Base of the widgets a CardSection can hold. */
export abstract class Widget extends CardPart {
  /** The widget as card-v2 JSON; throws Apps Script's error if it is incomplete. */
  abstract toWidgetJson(): WidgetJson;
}
