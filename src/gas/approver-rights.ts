/** Script Properties key: what each approver's own Admin SDK calls showed (directory admin or not). */
export const APPROVER_RIGHTS_KEY = 'AUP_SIGNER_APPROVER_RIGHTS';

/**
 * Whether each approver proved to be a directory administrator when they last approved (absent:
 * not known yet). @param snapshot Script Properties as this request read them, to save a read;
 * omitted, the property is read now.
 */
export function approverRights(snapshot?: Readonly<Record<string, string>>): Record<string, boolean> {
  const json = snapshot
    ? snapshot[APPROVER_RIGHTS_KEY]
    : PropertiesService.getScriptProperties().getProperty(APPROVER_RIGHTS_KEY);
  return JSON.parse(json ?? '{}') as Record<string, boolean>;
}
