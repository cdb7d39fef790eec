import { columnIndex, STAFF_HEADERS, type StaffHeader } from '../core/columns';
import { parseRoster } from '../core/roster';
import { normaliseEmail } from '../core/safe';
import { withScriptLock } from '../gas/lock';
import { Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isBusinessManager, type ServerContext } from './context';
import { homeState } from './state';

/** The person a business manager adds from the card. */
export type StaffArgs = Partial<Record<'email' | 'name' | 'role' | 'staffType' | 'personalEmail', string>>;

/**
 * Adds a person to the Staff sheet (business managers only), with the same checks as a roster
 * row (valid email, known staff type, not already on the sheet, a name); what is wrong is said
 * and nothing is written.
 */
export function addStaff(ctx: ServerContext, args: StaffArgs): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller)) {
    return { ok: false, message: 'Only a business manager can add people.' };
  }
  const person: Record<StaffHeader, string> = {
    Email: normaliseEmail(args.email ?? ''),
    Name: args.name ?? '',
    Role: args.role ?? '',
    'Staff Type': args.staffType ?? '',
    'Personal Email': normaliseEmail(args.personalEmail ?? ''),
    'Start Date': '',
    'Leaving Date': '',
  };
  const message = withScriptLock(() => {
    const tracking = Tracking.open(config);
    const existing = tracking.readRoster(config.staffTypes).staff;
    const col = columnIndex('Staff', STAFF_HEADERS, STAFF_HEADERS);
    const rows = [
      ...existing.map((p) => [p.email, p.name, p.role, p.staffType, p.personalEmail, '', '']),
      STAFF_HEADERS.map((h) => person[h]),
    ];
    const problem = parseRoster(rows, col, config.staffTypes).problems.find((p) => p.row === rows.length + 1);
    if (problem) return problem.message.replace(/^Staff row \d+: /, 'Not added: ');
    tracking.appendStaff(person);
    tracking.appendAudit([
      {
        at: new Date(),
        actor: ctx.caller,
        action: 'Staff added',
        requestId: '',
        details: `${person.Name} <${person.Email}>`,
      },
    ]);
    return '';
  });
  if (message) return { ok: false, message };
  return {
    ok: true,
    message: `Added ${person.Name}. Send invitations to invite them.`,
    state: homeState(ctx),
  };
}
