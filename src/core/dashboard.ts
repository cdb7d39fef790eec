import { STATUSES } from './columns';
import type { SignatureRequest } from './request';

/** A Dashboard row: a label and its value. */
export type DashboardRow = [string, string | number];

/**
 * The Dashboard: the current policy version (cycle, when it opened and when the next opens), the
 * number of requests in each status and the share complete (Complete out of all but
 * Superseded), as whole percent.
 */
export function dashboard(
  requests: readonly SignatureRequest[],
  policyVersion: string,
  at: string,
  cycle?: { opened: string; next: string },
): DashboardRow[] {
  const current = requests.filter((r) => r.policyVersion === policyVersion);
  const counts = new Map<string, number>(STATUSES.map((s) => [s, 0]));
  for (const r of current) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const live = current.length - (counts.get('Superseded') ?? 0);
  const complete = counts.get('Complete') ?? 0;
  return [
    ['Policy version', policyVersion],
    ...(cycle
      ? ([
          ['Cycle opened', cycle.opened],
          ['Next cycle opens', cycle.next],
        ] as DashboardRow[])
      : []),
    ['Updated', at],
    ['Requests', current.length],
    ...STATUSES.map((s): DashboardRow => [s, counts.get(s) ?? 0]),
    ['% complete', live ? `${Math.round((complete / live) * 100)}%` : '0%'],
  ];
}
