import { loadConfig } from '../gas/config-store';
import { isBusinessManager } from './context';
import { verifyRequest } from './verify';

/**
 * Verify run as a function (editor or `clasp run`): allowed for the owner and business managers.
 * @throws Error when the add-on is not set up or the user may not verify
 */
export function verifyAsFunction(query: string): string {
  const config = loadConfig();
  if (!config) throw new Error('AUP Signer is not set up yet.');
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  if (me !== config.owner && !isBusinessManager(config, me))
    throw new Error('Only a business manager can verify.');
  const v = verifyRequest(config, me, query);
  if (!v) return `No request for "${query}".`;
  return `${v.ok ? 'PASSED' : 'FAILED'} ${v.request.requestId} ${v.request.name}\n${v.findings.join('\n')}`;
}
