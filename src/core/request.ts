import type { AccountState, Channel, Status } from './columns';
import { isDate } from './dates';
import { namesMatch } from './names';

/** One signature request: a row of the Signatures sheet (one per person per policy version). */
export interface SignatureRequest {
  requestId: string;
  email: string;
  name: string;
  role: string;
  staffType: string;
  policyVersion: string;
  status: Status;
  dueBy: Date | null;
  invitedAt: Date | null;
  signedAt: Date | null;
  signedVia: Channel | '';
  typedSignature: string;
  document: string;
  signedPdf: string;
  documentSha256: string;
  approvedBy: string;
  approvedAt: Date | null;
  systems: string;
  permissions: string;
  account: AccountState | '';
  remindersSent: number;
  lastReminderAt: Date | null;
  notes: string;
}

/** Why a transition was refused; `message` is fit to show a person. */
export interface Refusal {
  ok: false;
  code:
    | 'already-signed'
    | 'not-open'
    | 'name-mismatch'
    | 'no-consent'
    | 'not-signed'
    | 'no-systems'
    | 'own-request'
    | 'not-approved'
    | 'no-reason';
  message: string;
}
export type Transition = { ok: true; request: SignatureRequest } | Refusal;

/** States in which the person can still sign. */
export const OPEN_TO_SIGN: readonly Status[] = ['Invited', 'Overdue', 'Returned'];

/** A new request in state Invited; Invited At is set when its invitation is sent. */
export function newRequest(
  fields: Pick<SignatureRequest, 'requestId' | 'email' | 'name' | 'role' | 'staffType' | 'policyVersion'>,
  dueBy: Date,
): SignatureRequest {
  return {
    ...fields,
    status: 'Invited',
    dueBy,
    invitedAt: null,
    signedAt: null,
    signedVia: '',
    typedSignature: '',
    document: '',
    signedPdf: '',
    documentSha256: '',
    approvedBy: '',
    approvedAt: null,
    systems: '',
    permissions: '',
    account: '',
    remindersSent: 0,
    lastReminderAt: null,
    notes: '',
  };
}

/**
 * Records the person's agreement. Requires consent and a typed name matching the staff record
 * (case, accents and spacing aside); a request already signed is refused with `already-signed`,
 * so a double click or a retry signs once.
 */
export function sign(
  req: SignatureRequest,
  input: { consent: boolean; typedName: string; via: Channel; at: Date },
): Transition {
  if (req.status === 'Signed' || req.status === 'Approved' || req.status === 'Complete') {
    return {
      ok: false,
      code: 'already-signed',
      message: `You already signed this policy (${req.policyVersion}).`,
    };
  }
  if (!OPEN_TO_SIGN.includes(req.status)) {
    return {
      ok: false,
      code: 'not-open',
      message: `This request is ${req.status} and can no longer be signed.`,
    };
  }
  if (!input.consent) {
    return { ok: false, code: 'no-consent', message: 'Tick the box to confirm you agree before signing.' };
  }
  if (!namesMatch(input.typedName, req.name)) {
    return {
      ok: false,
      code: 'name-mismatch',
      message: `The typed name must be your full name as the school has it: ${req.name}.`,
    };
  }
  return {
    ok: true,
    request: {
      ...req,
      status: 'Signed',
      signedAt: input.at,
      signedVia: input.via,
      typedSignature: input.typedName.replace(/\s+/g, ' ').trim(),
    },
  };
}

/**
 * The approver's counter-signature, granting at least one system. An approver can never approve their own request. The account
 * starts as Pending admin until it is checked, so an approval whose check never reports back (a
 * card that timed out) is still picked up by the enablement retries.
 */
export function approve(
  req: SignatureRequest,
  input: { approver: string; systems: string[]; permissions: string; at: Date },
): Transition {
  if (req.email === input.approver) {
    return {
      ok: false,
      code: 'own-request',
      message: 'You cannot approve your own request: ask another approver.',
    };
  }
  if (req.status !== 'Signed') {
    return {
      ok: false,
      code: 'not-signed',
      message: `${req.name}'s request is ${req.status}, not awaiting approval.`,
    };
  }
  if (!input.systems.length) {
    return {
      ok: false,
      code: 'no-systems',
      message: `Tick the systems to grant ${req.name}, or return their AUP.`,
    };
  }
  return {
    ok: true,
    request: {
      ...req,
      status: 'Approved',
      approvedBy: input.approver,
      approvedAt: input.at,
      systems: input.systems.join(', '),
      permissions: input.permissions.replace(/\s+/g, ' ').trim(),
      account: 'Pending admin',
      notes: 'Checking the account.',
    },
  };
}

/**
 * The approver returns a signed request with a reason: it becomes Returned with the reason in
 * Notes, its signature is withdrawn from the row (Signed At, Signed Via, Typed Signature, the
 * hash and PDF: the Audit keeps them), and the person can sign again. Never on the approver's
 * own request.
 */
export function returnRequest(
  req: SignatureRequest,
  input: { approver: string; reason: string },
): Transition {
  const reason = input.reason.replace(/\s+/g, ' ').trim();
  if (req.email === input.approver) {
    return {
      ok: false,
      code: 'own-request',
      message: 'You cannot return your own request: ask another approver.',
    };
  }
  if (req.status !== 'Signed') {
    return {
      ok: false,
      code: 'not-signed',
      message: `${req.name}'s request is ${req.status}, not awaiting approval.`,
    };
  }
  if (!reason)
    return { ok: false, code: 'no-reason', message: `Say why you are returning ${req.name}'s AUP.` };
  return {
    ok: true,
    request: {
      ...req,
      status: 'Returned',
      notes: `Returned by ${input.approver}: ${reason}`,
      signedAt: null,
      signedVia: '',
      typedSignature: '',
      documentSha256: '',
      signedPdf: '',
    },
  };
}

/**
 * Records what the Admin SDK said of the person's account. An Approved request whose account is
 * Active becomes Complete; any other state stays Approved with the reason in Notes.
 */
export function recordAccount(req: SignatureRequest, account: AccountState, note: string): Transition {
  if (req.status !== 'Approved' && req.status !== 'Complete') {
    return {
      ok: false,
      code: 'not-approved',
      message: `${req.name}'s request is ${req.status}, not approved.`,
    };
  }
  return {
    ok: true,
    request: { ...req, account, status: account === 'Active' ? 'Complete' : 'Approved', notes: note },
  };
}

/** A Date cell value, or null for an empty cell. */
export function dateOrNull(v: unknown): Date | null {
  return isDate(v) ? v : null;
}

/** How long (ms) after approval an unknown account is looked for again: a new account may 404 at first. */
export const NOT_FOUND_GRACE_MS = 3 * 24 * 3_600_000;

/** A day, in ms. */
const DAY_MS = 24 * 3_600_000;

/**
 * Whether an approved request's account is still to be checked or enabled (queued for the
 * triggers): Pending admin, Suspended or Error, or Not found within {@link NOT_FOUND_GRACE_MS} of
 * the approval and one day more (so the daily run after the grace records the final word).
 */
export function accountOwed(r: SignatureRequest, now: number): boolean {
  if (r.status !== 'Approved') return false;
  if (r.account === 'Not found') return now - (r.approvedAt?.getTime() ?? 0) < NOT_FOUND_GRACE_MS + DAY_MS;
  return r.account === 'Pending admin' || r.account === 'Suspended' || r.account === 'Error';
}

/** "Returned by ADDRESS: REASON" in a request's Notes (as `returnRequest` writes it), split; undefined for other notes. */
export function returnedNote(notes: string): { by: string; reason: string } | undefined {
  const m = /^Returned by (\S+): ([\s\S]*)$/.exec(notes);
  return m ? { by: m[1] as string, reason: m[2] as string } : undefined;
}

/** Signed requests an approver may counter-sign, the longest waiting first: never their own. */
export function awaiting(requests: readonly SignatureRequest[], approver: string): SignatureRequest[] {
  return requests
    .filter((r) => r.status === 'Signed' && r.email !== approver)
    .sort((a, b) => (a.signedAt?.getTime() ?? 0) - (b.signedAt?.getTime() ?? 0));
}
