import type { Execution } from '../../core/execution';
import { FakeAction, FakeOpenLink } from './actions';
import { FakeButtonSet, FakeCardAction, FakeFixedFooter, FakeTextButton } from './buttons';
import { FakeCardBuilder, FakeCardHeader, FakeCardSection } from './card';
import { ImageStyle, LoadIndicator, OnClose, OpenAs, SelectionInputType, TextButtonStyle } from './enums';
import {
  FakeActionResponseBuilder,
  FakeNavigation,
  FakeNotification,
  FakeUniversalActionResponseBuilder,
} from './responses';
import {
  FakeDecoratedText,
  FakeDivider,
  FakeSelectionInput,
  FakeTextInput,
  FakeTextParagraph,
} from './widgets';

export { CARD_LIMITS, cardJson, isCard } from './card';
export type { CardJson } from './json';
export { actionResponseJson, isActionResponse } from './responses';
export type { ActionResponseJson, NavigationJson, ResponseLinkJson } from './responses';
export { validateCardJson } from './schema';
export { MESSAGES as CARD_MESSAGES } from './base';

type CS = GoogleAppsScript.Card_Service.CardService;
type NS = typeof GoogleAppsScript.Card_Service;

/** The part of the `CardService` global the emulator provides. */
export type CardServiceFake = Pick<
  CS,
  | 'newCardBuilder'
  | 'newCardHeader'
  | 'newCardSection'
  | 'newTextParagraph'
  | 'newDecoratedText'
  | 'newTextInput'
  | 'newSelectionInput'
  | 'newTextButton'
  | 'newButtonSet'
  | 'newDivider'
  | 'newAction'
  | 'newOpenLink'
  | 'newFixedFooter'
  | 'newCardAction'
  | 'newNavigation'
  | 'newNotification'
  | 'newActionResponseBuilder'
  | 'newUniversalActionResponseBuilder'
  | 'SelectionInputType'
  | 'TextButtonStyle'
  | 'OpenAs'
  | 'OnClose'
  | 'LoadIndicator'
  | 'ImageStyle'
>;

/**
 * The `CardService` global: builders for add-on cards and action responses, and their enums.
 * Reference: https://developers.google.com/apps-script/reference/card-service/card-service
 *
 * Cards build to card-v2 JSON (`chat_v1.Schema$GoogleAppsCardV1Card`, the format Google Workspace
 * add-ons and Google Chat share), which `Card.printJson()` returns and {@link cardJson} hands the
 * host. Every builder method is counted as `CardService.<Class>.<method>` (a local call, no
 * latency); `build()` refuses what Apps Script refuses (see `MESSAGES` in base.ts).
 */
export function createCardService(exec: Execution): CardServiceFake {
  const make = <T>(method: keyof CS, create: () => T): T => exec.call(`CardService.${method}`, create);
  const enumOf = <K extends keyof NS>(name: K, values: object): NS[K] =>
    exec.call(`CardService.${name}`, () => values as unknown as NS[K]);
  return {
    newCardBuilder: () =>
      make('newCardBuilder', () => new FakeCardBuilder(exec) as unknown as ReturnType<CS['newCardBuilder']>),
    newCardHeader: () =>
      make('newCardHeader', () => new FakeCardHeader(exec) as unknown as ReturnType<CS['newCardHeader']>),
    newCardSection: () =>
      make('newCardSection', () => new FakeCardSection(exec) as unknown as ReturnType<CS['newCardSection']>),
    newTextParagraph: () =>
      make(
        'newTextParagraph',
        () => new FakeTextParagraph(exec) as unknown as ReturnType<CS['newTextParagraph']>,
      ),
    newDecoratedText: () =>
      make(
        'newDecoratedText',
        () => new FakeDecoratedText(exec) as unknown as ReturnType<CS['newDecoratedText']>,
      ),
    newTextInput: () =>
      make('newTextInput', () => new FakeTextInput(exec) as unknown as ReturnType<CS['newTextInput']>),
    newSelectionInput: () =>
      make(
        'newSelectionInput',
        () => new FakeSelectionInput(exec) as unknown as ReturnType<CS['newSelectionInput']>,
      ),
    newTextButton: () =>
      make('newTextButton', () => new FakeTextButton(exec) as unknown as ReturnType<CS['newTextButton']>),
    newButtonSet: () =>
      make('newButtonSet', () => new FakeButtonSet(exec) as unknown as ReturnType<CS['newButtonSet']>),
    newDivider: () =>
      make('newDivider', () => new FakeDivider(exec) as unknown as ReturnType<CS['newDivider']>),
    newAction: () => make('newAction', () => new FakeAction(exec) as unknown as ReturnType<CS['newAction']>),
    newOpenLink: () =>
      make('newOpenLink', () => new FakeOpenLink(exec) as unknown as ReturnType<CS['newOpenLink']>),
    newFixedFooter: () =>
      make('newFixedFooter', () => new FakeFixedFooter(exec) as unknown as ReturnType<CS['newFixedFooter']>),
    newCardAction: () =>
      make('newCardAction', () => new FakeCardAction(exec) as unknown as ReturnType<CS['newCardAction']>),
    newNavigation: () =>
      make('newNavigation', () => new FakeNavigation(exec) as unknown as ReturnType<CS['newNavigation']>),
    newNotification: () =>
      make(
        'newNotification',
        () => new FakeNotification(exec) as unknown as ReturnType<CS['newNotification']>,
      ),
    newActionResponseBuilder: () =>
      make(
        'newActionResponseBuilder',
        () => new FakeActionResponseBuilder(exec) as unknown as ReturnType<CS['newActionResponseBuilder']>,
      ),
    newUniversalActionResponseBuilder: () =>
      make(
        'newUniversalActionResponseBuilder',
        () =>
          new FakeUniversalActionResponseBuilder(exec) as unknown as ReturnType<
            CS['newUniversalActionResponseBuilder']
          >,
      ),
    get SelectionInputType() {
      return enumOf('SelectionInputType', SelectionInputType);
    },
    get TextButtonStyle() {
      return enumOf('TextButtonStyle', TextButtonStyle);
    },
    get OpenAs() {
      return enumOf('OpenAs', OpenAs);
    },
    get OnClose() {
      return enumOf('OnClose', OnClose);
    },
    get LoadIndicator() {
      return enumOf('LoadIndicator', LoadIndicator);
    },
    get ImageStyle() {
      return enumOf('ImageStyle', ImageStyle);
    },
  };
}
