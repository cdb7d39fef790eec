/**
 * CardService enums. Each value is its own name as a string, which is what `String(value)` gives in
 * Apps Script and what the card JSON carries.
 * Reference: https://developers.google.com/apps-script/reference/card-service#enums
 */

/** https://developers.google.com/apps-script/reference/card-service/selection-input-type */
export const SelectionInputType = Object.freeze({
  CHECK_BOX: 'CHECK_BOX',
  RADIO_BUTTON: 'RADIO_BUTTON',
  DROPDOWN: 'DROPDOWN',
  SWITCH: 'SWITCH',
  MULTI_SELECT: 'MULTI_SELECT',
} as const);

/**
 * https://developers.google.com/apps-script/reference/card-service/text-button-style
 * (`TEXT` is deprecated; the card JSON calls it `BORDERLESS`).
 */
export const TextButtonStyle = Object.freeze({
  OUTLINED: 'OUTLINED',
  TEXT: 'TEXT',
  FILLED: 'FILLED',
  FILLED_TONAL: 'FILLED_TONAL',
  BORDERLESS: 'BORDERLESS',
} as const);

/** https://developers.google.com/apps-script/reference/card-service/open-as */
export const OpenAs = Object.freeze({ FULL_SIZE: 'FULL_SIZE', OVERLAY: 'OVERLAY' } as const);

/**
 * https://developers.google.com/apps-script/reference/card-service/on-close
 * (`RELOAD_ADD_ON` is the deprecated name of `RELOAD`).
 */
export const OnClose = Object.freeze({
  NOTHING: 'NOTHING',
  RELOAD: 'RELOAD',
  RELOAD_ADD_ON: 'RELOAD_ADD_ON',
} as const);

/** https://developers.google.com/apps-script/reference/card-service/load-indicator */
export const LoadIndicator = Object.freeze({ SPINNER: 'SPINNER', NONE: 'NONE' } as const);

/** https://developers.google.com/apps-script/reference/card-service/image-style */
export const ImageStyle = Object.freeze({ SQUARE: 'SQUARE', CIRCLE: 'CIRCLE' } as const);
