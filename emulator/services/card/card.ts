import type { Execution } from '../../core/execution';
import { CardPart, MESSAGES, Widget } from './base';
import { FakeCardAction, FakeFixedFooter } from './buttons';
import { ImageStyle } from './enums';
import type { CardJson } from './json';

type Card = GoogleAppsScript.Card_Service.Card;
type CardBuilder = GoogleAppsScript.Card_Service.CardBuilder;
type CardHeader = GoogleAppsScript.Card_Service.CardHeader;
type CardSection = GoogleAppsScript.Card_Service.CardSection;
type HeaderJson = NonNullable<CardJson['header']>;
type SectionJson = NonNullable<CardJson['sections']>[number];

/**
 * CardService CardHeader: the title block at the top of a card.
 * Reference: https://developers.google.com/apps-script/reference/card-service/card-header
 * JSON: `{ title, subtitle, imageUrl, imageType: 'SQUARE' | 'CIRCLE' }`.
 */
export class FakeCardHeader
  extends CardPart
  implements Pick<CardHeader, 'setTitle' | 'setSubtitle' | 'setImageUrl' | 'setImageStyle'>
{
  readonly kind = 'CardHeader';
  private readonly json: HeaderJson = {};

  /** Sets the title. */
  setTitle(title: string): CardHeader {
    return this.run('setTitle', () => {
      this.json.title = String(title);
      return this as unknown as CardHeader;
    });
  }

  /** Sets the subtitle. */
  setSubtitle(subtitle: string): CardHeader {
    return this.run('setSubtitle', () => {
      this.json.subtitle = String(subtitle);
      return this as unknown as CardHeader;
    });
  }

  /** Sets the header image. */
  setImageUrl(imageUrl: string): CardHeader {
    return this.run('setImageUrl', () => {
      this.json.imageUrl = String(imageUrl);
      return this as unknown as CardHeader;
    });
  }

  /** Sets how the image is cropped. */
  setImageStyle(imageStyle: GoogleAppsScript.Card_Service.ImageStyle): CardHeader {
    return this.run('setImageStyle', () => {
      this.json.imageType = this.enumArg('setImageStyle', imageStyle, ImageStyle);
      return this as unknown as CardHeader;
    });
  }

  /** The header JSON. */
  toJson(): HeaderJson {
    return { ...this.json };
  }
}

/**
 * CardService CardSection: a group of widgets under an optional header.
 * Reference: https://developers.google.com/apps-script/reference/card-service/card-section
 * JSON: `{ header, collapsible, uncollapsibleWidgetsCount, widgets: [...] }`. A section without a
 * widget is refused when the card is built ("Must contain at least one widget", card v2 Section).
 */
export class FakeCardSection
  extends CardPart
  implements Pick<CardSection, 'setHeader' | 'addWidget' | 'setCollapsible' | 'setNumUncollapsibleWidgets'>
{
  readonly kind = 'CardSection';
  private readonly fields: { header?: string; collapsible?: boolean; uncollapsibleWidgetsCount?: number } =
    {};
  private readonly widgets: Widget[] = [];

  /** Sets the header shown above the widgets. */
  setHeader(header: string): CardSection {
    return this.run('setHeader', () => {
      this.fields.header = String(header);
      return this as unknown as CardSection;
    });
  }

  /** Appends a widget. */
  addWidget(widget: GoogleAppsScript.Card_Service.Widget): CardSection {
    return this.run('addWidget', () => {
      this.widgets.push(this.arg('addWidget', widget, Widget));
      return this as unknown as CardSection;
    });
  }

  /** Sets whether the section can be collapsed. */
  setCollapsible(collapsible: boolean): CardSection {
    return this.run('setCollapsible', () => {
      this.fields.collapsible = Boolean(collapsible);
      return this as unknown as CardSection;
    });
  }

  /** Sets how many widgets stay visible when the section is collapsed. */
  setNumUncollapsibleWidgets(numUncollapsibleWidgets: number): CardSection {
    return this.run('setNumUncollapsibleWidgets', () => {
      this.fields.uncollapsibleWidgetsCount = Math.trunc(Number(numUncollapsibleWidgets));
      return this as unknown as CardSection;
    });
  }

  /** How many widgets the section holds. */
  get widgetCount(): number {
    return this.widgets.length;
  }

  /** The section JSON; throws when it has no widget or a widget is incomplete. */
  toJson(): SectionJson {
    if (this.widgets.length === 0) throw this.fail(MESSAGES.sectionNeedsWidget);
    return { ...this.fields, widgets: this.widgets.map((w) => w.toWidgetJson()) };
  }
}

/**
 * CardService Card: a built card, immutable. `printJson()` returns its card-v2 JSON, indented.
 * Reference: https://developers.google.com/apps-script/reference/card-service/card
 */
export class FakeCard extends CardPart implements Pick<Card, 'printJson'> {
  readonly kind = 'Card';

  constructor(
    exec: Execution,
    readonly json: CardJson,
  ) {
    super(exec);
  }

  /** The card's JSON as a string. */
  printJson(): string {
    return this.run('printJson', () => JSON.stringify(this.json, null, 2));
  }
}

/**
 * CardService CardBuilder.
 * Reference: https://developers.google.com/apps-script/reference/card-service/card-builder
 * `build()` turns the builder's parts into card-v2 JSON (`header`, `sections`, `name`,
 * `fixedFooter`, `cardActions`) and refuses a card without a section, a section without a widget,
 * an input without a field name, a button without text or click, an action without a function.
 */
export class FakeCardBuilder
  extends CardPart
  implements
    Pick<CardBuilder, 'setHeader' | 'addSection' | 'setName' | 'setFixedFooter' | 'addCardAction' | 'build'>
{
  readonly kind = 'CardBuilder';
  private header?: FakeCardHeader;
  private name?: string;
  private footer?: FakeFixedFooter;
  private readonly sections: FakeCardSection[] = [];
  private readonly cardActions: FakeCardAction[] = [];

  /** Sets the header. */
  setHeader(cardHeader: CardHeader): CardBuilder {
    return this.run('setHeader', () => {
      this.header = this.arg('setHeader', cardHeader, FakeCardHeader);
      return this as unknown as CardBuilder;
    });
  }

  /** Appends a section. */
  addSection(section: CardSection): CardBuilder {
    return this.run('addSection', () => {
      this.sections.push(this.arg('addSection', section, FakeCardSection));
      return this as unknown as CardBuilder;
    });
  }

  /** Sets the card's name, used by `Navigation.popToNamedCard`. */
  setName(name: string): CardBuilder {
    return this.run('setName', () => {
      this.name = String(name);
      return this as unknown as CardBuilder;
    });
  }

  /** Sets the fixed footer. */
  setFixedFooter(fixedFooter: GoogleAppsScript.Card_Service.FixedFooter): CardBuilder {
    return this.run('setFixedFooter', () => {
      this.footer = this.arg('setFixedFooter', fixedFooter, FakeFixedFooter);
      return this as unknown as CardBuilder;
    });
  }

  /** Appends an item to the card's menu. */
  addCardAction(cardAction: GoogleAppsScript.Card_Service.CardAction): CardBuilder {
    return this.run('addCardAction', () => {
      this.cardActions.push(this.arg('addCardAction', cardAction, FakeCardAction));
      return this as unknown as CardBuilder;
    });
  }

  /**
   * Builds the card, validating it as Apps Script does, and refusing a card beyond Google's
   * limits ({@link CARD_LIMITS}: 100 sections, 100 widgets a section, 100 widgets in all). Google
   * renders such a card with what is past the limit dropped, silently; the emulator fails the
   * execution instead, naming the card, so a test sees what a person would never be shown.
   */
  build(): Card {
    return this.run('build', () => {
      if (this.sections.length === 0) throw this.fail(MESSAGES.cardNeedsSection);
      const over = overLimits(this.name, this.header?.toJson().title, this.sections);
      if (over) throw this.fail(over);
      const json: CardJson = {};
      if (this.header) json.header = this.header.toJson();
      json.sections = this.sections.map((s) => s.toJson());
      if (this.footer) json.fixedFooter = this.footer.toJson();
      if (this.cardActions.length > 0) json.cardActions = this.cardActions.map((a) => a.toJson());
      if (this.name !== undefined) json.name = this.name;
      return new FakeCard(this.exec, json) as unknown as Card;
    });
  }
}

/**
 * Google's limits on one card: sections a card and widgets a section
 * (developers.google.com/workspace/add-ons/concepts/cards), and widgets a card (the card-v2
 * reference: "You can add up to 100 widgets per card. Any widgets beyond this limit are ignored").
 */
export const CARD_LIMITS = { sections: 100, widgetsPerSection: 100, widgets: 100 } as const;

/** What a card exceeds, as a sentence naming the card, or undefined within the limits. */
function overLimits(
  name: string | undefined,
  title: string | null | undefined,
  sections: readonly FakeCardSection[],
): string | undefined {
  const card = `Card "${name ?? title ?? '(unnamed)'}"`;
  if (sections.length > CARD_LIMITS.sections) {
    return `${card} has ${sections.length} sections: Google shows at most ${CARD_LIMITS.sections} sections a card and drops the rest.`;
  }
  const i = sections.findIndex((s) => s.widgetCount > CARD_LIMITS.widgetsPerSection);
  if (i >= 0) {
    return `${card} has ${sections[i]?.widgetCount} widgets in section ${i + 1}: Google shows at most ${CARD_LIMITS.widgetsPerSection} widgets a section and drops the rest.`;
  }
  const total = sections.reduce((n, s) => n + s.widgetCount, 0);
  if (total <= CARD_LIMITS.widgets) return undefined;
  return `${card} has ${total} widgets: Google shows at most ${CARD_LIMITS.widgets} widgets a card and drops the rest.`;
}

/** True when `x` is a Card the add-on built with CardService. */
export function isCard(x: unknown): x is FakeCard {
  return x instanceof FakeCard;
}

/**
 * The card-v2 JSON of a Card the add-on returned (a copy). Throws a TypeError for anything else.
 * Reference: https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1#card
 */
export function cardJson(card: unknown): CardJson {
  if (!isCard(card)) throw new TypeError('Not a CardService Card');
  return structuredClone(card.json);
}
