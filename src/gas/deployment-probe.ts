import { isExecUrl } from '../core/server-answer';
import type { CheckLine } from '../server/api';
import { enabledAdvancedServices } from './advanced';
import { callServer, SERVER_URL_KEY } from './server-client';

/**
 * Check deployment as the person running it (card or editor): the web app's URL (the versioned
 * `/exec` one written at deploy, not the `/dev` one only editors can open), the advanced services
 * this execution has, and then the web app itself: whether it answers this person and, if it does,
 * its own lines (server/check.ts). Never throws: what fails becomes a line saying what to do.
 * @returns the lines, and whether the web app answered
 */
export function probeDeployment(): { lines: CheckLine[]; reached: boolean } {
  const lines: CheckLine[] = [];
  const stored = PropertiesService.getScriptProperties().getProperty(SERVER_URL_KEY) ?? '';
  const fallback = stored ? '' : (ScriptApp.getService().getUrl() ?? '');
  if (isExecUrl(stored)) {
    lines.push({ status: 'ok', label: 'Web app URL', detail: `${stored} (the versioned deployment).` });
  } else {
    const now = stored || fallback;
    lines.push({
      status: 'fix',
      label: 'Web app URL',
      detail: `${now ? `${now} is not a versioned /exec URL, so only the script's editors can use it` : 'Not deployed yet'}: run npm run deploy, which writes the /exec URL.`,
    });
  }
  const enabled = enabledAdvancedServices();
  for (const [name, on] of Object.entries(enabled)) {
    if (!on) {
      lines.push({
        status: 'fix',
        label: `${name} advanced service`,
        detail:
          'Not enabled in appsscript.json (dependencies › enabledAdvancedServices): add it and deploy again.',
      });
    }
  }
  try {
    const res = callServer('check');
    if (!res.ok || !res.data?.lines) {
      lines.push({ status: 'fix', label: 'Web app', detail: res.message });
      return { lines, reached: true };
    }
    lines.push({
      status: 'ok',
      label: 'Web app',
      detail: `Answers ${Session.getActiveUser().getEmail()}; staff who are not the script's editors reach it while the script project is open to the school (next line).`,
    });
    lines.push(...(JSON.parse(res.data.lines) as CheckLine[]));
    return { lines, reached: true };
  } catch (e) {
    lines.push({ status: 'fix', label: 'Web app', detail: String((e as Error)?.message ?? e) });
    return { lines, reached: false };
  }
}
