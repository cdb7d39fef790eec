import { CardPart, MESSAGES } from './base';
import { LoadIndicator, OnClose, OpenAs } from './enums';
import type { ActionJson, OpenLinkJson } from './json';

type Action = GoogleAppsScript.Card_Service.Action;
type OpenLink = GoogleAppsScript.Card_Service.OpenLink;

/**
 * CardService Action: the callback a click runs.
 * Reference: https://developers.google.com/apps-script/reference/card-service/action
 * JSON: `{ function, parameters: [{ key, value }], loadIndicator }` (Apps Script writes
 * `setFunctionName` to `function`). `setParameters` takes string values only; any other value is
 * refused with Apps Script's signature-mismatch error. A function name is required when the card is
 * built.
 */
export class FakeAction
  extends CardPart
  implements Pick<Action, 'setFunctionName' | 'setParameters' | 'setLoadIndicator'>
{
  readonly kind = 'Action';
  private functionName?: string;
  private parameters?: Array<{ key: string; value: string }>;
  private loadIndicator?: string;

  /** Sets the name of the global function the click runs. */
  setFunctionName(functionName: string): Action {
    return this.run('setFunctionName', () => {
      this.functionName = String(functionName);
      return this as unknown as Action;
    });
  }

  /** Replaces the parameters passed to the callback as `e.commonEventObject.parameters`. */
  setParameters(parameters: { [key: string]: string }): Action {
    return this.run('setParameters', () => {
      const entries =
        parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters)
          ? Object.entries(parameters as object)
          : undefined;
      if (!entries || entries.some(([, value]) => typeof value !== 'string')) {
        throw this.mismatch('setParameters', [parameters]);
      }
      this.parameters = entries.map(([key, value]) => ({ key, value: value as string }));
      return this as unknown as Action;
    });
  }

  /** Sets the indicator shown while the callback runs (`SPINNER` or `NONE`). */
  setLoadIndicator(loadIndicator: GoogleAppsScript.Card_Service.LoadIndicator): Action {
    return this.run('setLoadIndicator', () => {
      this.loadIndicator = this.enumArg('setLoadIndicator', loadIndicator, LoadIndicator);
      return this as unknown as Action;
    });
  }

  /** The action JSON; throws when no function name was set. */
  toJson(): ActionJson {
    if (!this.functionName) throw this.fail(MESSAGES.actionNeedsFunction);
    const json: ActionJson = { function: this.functionName };
    if (this.parameters) json.parameters = this.parameters.map((p) => ({ ...p }));
    if (this.loadIndicator) json.loadIndicator = this.loadIndicator;
    return json;
  }
}

/**
 * CardService OpenLink: a URL to open, how, and what to do when it closes.
 * Reference: https://developers.google.com/apps-script/reference/card-service/open-link
 * JSON: `{ url, openAs: 'FULL_SIZE' | 'OVERLAY', onClose: 'NOTHING' | 'RELOAD' }`.
 */
export class FakeOpenLink extends CardPart implements Pick<OpenLink, 'setUrl' | 'setOpenAs' | 'setOnClose'> {
  readonly kind = 'OpenLink';
  private readonly json: OpenLinkJson = {};

  /** Sets the URL to open. */
  setUrl(url: string): OpenLink {
    return this.run('setUrl', () => {
      this.json.url = String(url);
      return this as unknown as OpenLink;
    });
  }

  /** Sets whether the link opens full size or as an overlay. */
  setOpenAs(openAs: GoogleAppsScript.Card_Service.OpenAs): OpenLink {
    return this.run('setOpenAs', () => {
      this.json.openAs = this.enumArg('setOpenAs', openAs, OpenAs);
      return this as unknown as OpenLink;
    });
  }

  /** Sets what the add-on does when the opened window closes. */
  setOnClose(onClose: GoogleAppsScript.Card_Service.OnClose): OpenLink {
    return this.run('setOnClose', () => {
      const value = this.enumArg('setOnClose', onClose, OnClose);
      this.json.onClose = value === OnClose.RELOAD_ADD_ON ? OnClose.RELOAD : value;
      return this as unknown as OpenLink;
    });
  }

  /** The open-link JSON. */
  toJson(): OpenLinkJson {
    return { ...this.json };
  }
}
