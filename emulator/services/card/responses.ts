import type { Execution } from '../../core/execution';
import { FakeOpenLink } from './actions';
import { CardPart, MESSAGES } from './base';
import { FakeCard } from './card';
import type { CardJson } from './json';

type Navigation = GoogleAppsScript.Card_Service.Navigation;
type Notification = GoogleAppsScript.Card_Service.Notification;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type ActionResponseBuilder = GoogleAppsScript.Card_Service.ActionResponseBuilder;
type UniversalActionResponse = GoogleAppsScript.Card_Service.UniversalActionResponse;
type UniversalActionResponseBuilder = GoogleAppsScript.Card_Service.UniversalActionResponseBuilder;

/**
 * One card navigation, named as in the documented render-action JSON
 * (`renderActions.action.navigations[]`, https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1#navigation):
 * `popCard()` is `{ pop: true }` and `popToNamedCard(name)` is `{ popToCard: name }`.
 */
export type NavigationJson =
  | { pushCard: CardJson }
  | { updateCard: CardJson }
  | { pop: true }
  | { popToRoot: true }
  | { popToCard: string };

/** A link an action response opens. */
export interface ResponseLinkJson {
  url: string;
  openAs?: string;
  onClose?: string;
}

/** What an ActionResponse or UniversalActionResponse asks the host to do, in order. */
export interface ActionResponseJson {
  navigations: NavigationJson[];
  notification?: { text: string };
  openLink?: ResponseLinkJson;
  stateChanged?: boolean;
}

/**
 * CardService Navigation: card-stack operations, applied in the order they are chained.
 * Reference: https://developers.google.com/apps-script/reference/card-service/navigation
 */
export class FakeNavigation
  extends CardPart
  implements Pick<Navigation, 'pushCard' | 'updateCard' | 'popCard' | 'popToRoot' | 'popToNamedCard'>
{
  readonly kind = 'Navigation';
  readonly steps: NavigationJson[] = [];

  /** Pushes `card` onto the stack. */
  pushCard(card: GoogleAppsScript.Card_Service.Card): Navigation {
    return this.step('pushCard', () => ({
      pushCard: structuredClone(this.arg('pushCard', card, FakeCard).json),
    }));
  }

  /** Replaces the current card with `card`. */
  updateCard(card: GoogleAppsScript.Card_Service.Card): Navigation {
    return this.step('updateCard', () => ({
      updateCard: structuredClone(this.arg('updateCard', card, FakeCard).json),
    }));
  }

  /** Pops one card. */
  popCard(): Navigation {
    return this.step('popCard', () => ({ pop: true }));
  }

  /** Pops to the root card. */
  popToRoot(): Navigation {
    return this.step('popToRoot', () => ({ popToRoot: true }));
  }

  /** Pops to the card named `cardName` (CardBuilder.setName). */
  popToNamedCard(cardName: string): Navigation {
    return this.step('popToNamedCard', () => ({ popToCard: String(cardName) }));
  }

  private step(method: string, make: () => NavigationJson): Navigation {
    return this.run(method, () => {
      this.steps.push(make());
      return this as unknown as Navigation;
    });
  }
}

/**
 * CardService Notification: a toast shown after an action. Text is required when the response is
 * built.
 * Reference: https://developers.google.com/apps-script/reference/card-service/notification
 */
export class FakeNotification extends CardPart implements Pick<Notification, 'setText'> {
  readonly kind = 'Notification';
  private text?: string;

  /** Sets the text. */
  setText(text: string): Notification {
    return this.run('setText', () => {
      this.text = String(text);
      return this as unknown as Notification;
    });
  }

  /** `{ text }`; throws when no text was set. */
  toJson(): { text: string } {
    if (!this.text) throw this.fail(MESSAGES.notificationNeedsText);
    return { text: this.text };
  }
}

/**
 * A built ActionResponse or UniversalActionResponse. `printJson()` returns the documented
 * render-action JSON: `{ renderActions: { action: { navigations, notification, link } }, stateChanged }`.
 * References: https://developers.google.com/apps-script/reference/card-service/action-response,
 * https://developers.google.com/apps-script/reference/card-service/universal-action-response
 */
export class FakeActionResponse extends CardPart implements Pick<ActionResponse, 'printJson'> {
  constructor(
    exec: Execution,
    readonly kind: 'ActionResponse' | 'UniversalActionResponse',
    readonly response: ActionResponseJson,
  ) {
    super(exec);
  }

  /** The render-action JSON as a string. */
  printJson(): string {
    return this.run('printJson', () => {
      const { navigations, notification, openLink, stateChanged } = this.response;
      const action = {
        ...(navigations.length > 0 && { navigations }),
        ...(notification && { notification }),
        ...(openLink && { link: openLink }),
      };
      return JSON.stringify(
        { renderActions: { action }, ...(stateChanged !== undefined && { stateChanged }) },
        null,
        2,
      );
    });
  }
}

/** The JSON of an OpenLink set on a response. */
function linkJson(link: FakeOpenLink): ResponseLinkJson {
  const { url, openAs, onClose } = link.toJson();
  return { url: url ?? '', ...(openAs && { openAs }), ...(onClose && { onClose }) };
}

/**
 * CardService ActionResponseBuilder. `build()` refuses a response with no navigation, notification
 * or link, and a notification without text.
 * Reference: https://developers.google.com/apps-script/reference/card-service/action-response-builder
 */
export class FakeActionResponseBuilder
  extends CardPart
  implements
    Pick<
      ActionResponseBuilder,
      'setNavigation' | 'setNotification' | 'setOpenLink' | 'setStateChanged' | 'build'
    >
{
  readonly kind = 'ActionResponseBuilder';
  private navigation?: FakeNavigation;
  private notification?: FakeNotification;
  private openLink?: FakeOpenLink;
  private stateChanged?: boolean;

  /** Sets the card navigation. */
  setNavigation(navigation: Navigation): ActionResponseBuilder {
    return this.run('setNavigation', () => {
      this.navigation = this.arg('setNavigation', navigation, FakeNavigation);
      return this as unknown as ActionResponseBuilder;
    });
  }

  /** Sets the notification shown. */
  setNotification(notification: Notification): ActionResponseBuilder {
    return this.run('setNotification', () => {
      this.notification = this.arg('setNotification', notification, FakeNotification);
      return this as unknown as ActionResponseBuilder;
    });
  }

  /** Sets a link to open. */
  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): ActionResponseBuilder {
    return this.run('setOpenLink', () => {
      this.openLink = this.arg('setOpenLink', openLink, FakeOpenLink);
      return this as unknown as ActionResponseBuilder;
    });
  }

  /** Marks that the action changed data, so cached cards are invalid. */
  setStateChanged(stateChanged: boolean): ActionResponseBuilder {
    return this.run('setStateChanged', () => {
      this.stateChanged = Boolean(stateChanged);
      return this as unknown as ActionResponseBuilder;
    });
  }

  /** Builds the response. */
  build(): ActionResponse {
    return this.run('build', () => {
      if (!this.navigation && !this.notification && !this.openLink)
        throw this.fail(MESSAGES.actionResponseEmpty);
      const response: ActionResponseJson = { navigations: this.navigation ? [...this.navigation.steps] : [] };
      if (this.notification) response.notification = this.notification.toJson();
      if (this.openLink) response.openLink = linkJson(this.openLink);
      if (this.stateChanged !== undefined) response.stateChanged = this.stateChanged;
      return new FakeActionResponse(this.exec, 'ActionResponse', response) as unknown as ActionResponse;
    });
  }
}

/**
 * CardService UniversalActionResponseBuilder: what a universal (menu) action returns.
 * `displayAddOnCards(cards)` becomes one `pushCard` navigation per card, in order.
 * Reference: https://developers.google.com/apps-script/reference/card-service/universal-action-response-builder
 */
export class FakeUniversalActionResponseBuilder
  extends CardPart
  implements Pick<UniversalActionResponseBuilder, 'displayAddOnCards' | 'setOpenLink' | 'build'>
{
  readonly kind = 'UniversalActionResponseBuilder';
  private cards?: FakeCard[];
  private openLink?: FakeOpenLink;

  /** Sets the cards to show. */
  displayAddOnCards(cardObjects: GoogleAppsScript.Card_Service.Card[]): UniversalActionResponseBuilder {
    return this.run('displayAddOnCards', () => {
      const cards: unknown = cardObjects;
      if (!Array.isArray(cards) || !cards.every((c) => c instanceof FakeCard)) {
        throw this.mismatch('displayAddOnCards', [cardObjects]);
      }
      this.cards = cards as FakeCard[];
      return this as unknown as UniversalActionResponseBuilder;
    });
  }

  /** Sets a link to open. */
  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): UniversalActionResponseBuilder {
    return this.run('setOpenLink', () => {
      this.openLink = this.arg('setOpenLink', openLink, FakeOpenLink);
      return this as unknown as UniversalActionResponseBuilder;
    });
  }

  /** Builds the response; refuses one with neither cards nor a link. */
  build(): UniversalActionResponse {
    return this.run('build', () => {
      if (!this.cards && !this.openLink) throw this.fail(MESSAGES.universalResponseEmpty);
      const response: ActionResponseJson = {
        navigations: (this.cards ?? []).map((c) => ({ pushCard: structuredClone(c.json) })),
      };
      if (this.openLink) response.openLink = linkJson(this.openLink);
      return new FakeActionResponse(
        this.exec,
        'UniversalActionResponse',
        response,
      ) as unknown as UniversalActionResponse;
    });
  }
}

/** True when `x` is an ActionResponse or UniversalActionResponse the add-on built. */
export function isActionResponse(x: unknown): x is FakeActionResponse {
  return x instanceof FakeActionResponse;
}

/**
 * What an ActionResponse / UniversalActionResponse the add-on returned asks for (a copy):
 * `{ navigations, notification?, openLink?, stateChanged? }`. Throws a TypeError for anything else.
 */
export function actionResponseJson(resp: unknown): ActionResponseJson {
  if (!isActionResponse(resp)) throw new TypeError('Not a CardService ActionResponse');
  return structuredClone(resp.response);
}
