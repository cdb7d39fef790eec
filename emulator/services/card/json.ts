import type { chat_v1 } from '@googleapis/chat';

/**
 * Card JSON types: the card-v2 format shared by Google Workspace add-ons and Google Chat
 * (https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1), as typed by
 * `@googleapis/chat`.
 */
export type CardJson = chat_v1.Schema$GoogleAppsCardV1Card;
/** One entry of a section's `widgets`. */
export type WidgetJson = chat_v1.Schema$GoogleAppsCardV1Widget;
/** A button (text button) in a button list, decorated text or fixed footer. */
export type ButtonJson = chat_v1.Schema$GoogleAppsCardV1Button;
/** What a click does: run a function or open a link. */
export type OnClickJson = chat_v1.Schema$GoogleAppsCardV1OnClick;
/** A callback: `function`, `parameters` and `loadIndicator`. */
export type ActionJson = chat_v1.Schema$GoogleAppsCardV1Action;
/** A link to open: `url`, `openAs`, `onClose`. */
export type OpenLinkJson = chat_v1.Schema$GoogleAppsCardV1OpenLink;
