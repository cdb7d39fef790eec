/** The add-on event object (developers.google.com/workspace/add-ons/concepts/event-objects). */
export type AddOnEvent = GoogleAppsScript.Addons.EventObject;

/** The first value a card input sent, or ''. */
export function formValue(e: AddOnEvent, name: string): string {
  return formValues(e, name)[0] ?? '';
}

/** Every value a card input sent (checkbox and multi-select inputs send several). */
export function formValues(e: AddOnEvent, name: string): string[] {
  const inputs = e.commonEventObject?.formInputs as
    Record<string, { stringInputs?: { value?: string[] } } | undefined> | undefined;
  return inputs?.[name]?.stringInputs?.value ?? [];
}

/** An action parameter set by the card, or ''. Parameters say what, never who. */
export function param(e: AddOnEvent, key: string): string {
  const p = e.commonEventObject?.parameters as Record<string, string | undefined> | undefined;
  return p?.[key] ?? '';
}

/** The channel a card action came from: Drive when the host is Drive, else Gmail. */
export function channelOf(e: AddOnEvent): 'Gmail' | 'Drive' {
  return String(e.commonEventObject?.hostApp ?? '') === 'DRIVE' ? 'Drive' : 'Gmail';
}
