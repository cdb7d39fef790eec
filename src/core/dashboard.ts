import { STATUSES } from './columns';
import type { SignatureRequest } from './request';
import { dayInWords } from './words';

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
          ['Cycle opened', dayInWords(cycle.opened)],
          ['Next cycle opens', dayInWords(cycle.next)],
        ] as DashboardRow[])
      : []),
    ['Updated', at],
    ['Requests', current.length],
    ...STATUSES.map((s): DashboardRow => [s, counts.get(s) ?? 0]),
    ['% complete', live ? `${Math.round((complete / live) * 100)}%` : '0%'],
  ];
}

/**
 * The Dashboard's table by staff type for the current version: a header row (Staff type, each
 * status but Superseded, Total, % complete), a row per staff type in the order Settings list
 * them (then any other on the sheet), and an All row.
 */
export function dashboardByStaffType(
  requests: readonly SignatureRequest[],
  policyVersion: string,
  staffTypes: readonly string[],
): (string | number)[][] {
  const shown = STATUSES.filter((s) => s !== 'Superseded');
  const current = requests.filter((r) => r.policyVersion === policyVersion && r.status !== 'Superseded');
  const types = [
    ...staffTypes,
    ...new Set(current.map((r) => r.staffType).filter((t) => !staffTypes.includes(t))),
  ];
  const row = (label: string, rs: readonly SignatureRequest[]): (string | number)[] => {
    const complete = rs.filter((r) => r.status === 'Complete').length;
    return [
      label,
      ...shown.map((s) => rs.filter((r) => r.status === s).length),
      rs.length,
      rs.length ? `${Math.round((complete / rs.length) * 100)}%` : '—',
    ];
  };
  return [
    ['Staff type', ...shown, 'Total', '% complete'],
    ...types.map((t) =>
      row(
        t,
        current.filter((r) => r.staffType === t),
      ),
    ),
    row('All', current),
  ];
}
