import type { SignatureRequest } from '../core/request';
import type { DashboardRow } from '../core/dashboard';
import type { Settings } from '../core/config';

/** Operations the web app serves. Who may call each is decided by the server, never the card. */
export type Op =
  | 'state'
  | 'setup'
  | 'invite'
  | 'sign'
  | 'approve'
  | 'approveMany'
  | 'remindOverdue'
  | 'return'
  | 'account'
  | 'pending'
  | 'staff'
  | 'prepare'
  | 'verify'
  | 'evidence'
  | 'hold'
  | 'compare'
  | 'directorySync'
  | 'publish'
  | 'review'
  | 'check';

/** A card's request to the web app: `POST` JSON body. */
export interface ServerRequest {
  op: Op;
  args: Record<string, unknown>;
}

/** A request as a card shows it: its fields, with dates already in en-GB words. */
export type RequestView = Pick<
  SignatureRequest,
  | 'requestId'
  | 'email'
  | 'name'
  | 'role'
  | 'staffType'
  | 'policyVersion'
  | 'status'
  | 'signedVia'
  | 'approvedBy'
  | 'document'
  | 'account'
  | 'notes'
> & {
  dueBy: string;
  signedAt: string;
  /** Who counter-signed, by name ('' before). */
  approvedByName: string;
  /** For a returned request: who returned it, by name, and why. */
  returned: { by: string; reason: string } | null;
};

/** What the homepage shows the caller. */
export interface HomeState {
  me: string;
  configured: boolean;
  /** Before setup: whether the caller may set the add-on up (the web app's owner). */
  canSetUp: boolean;
  schoolName: string;
  policyVersion: string;
  agreementText: string;
  isApprover: boolean;
  isBusinessManager: boolean;
  /** The caller's name as the school has it ('' when they have no request). */
  myName: string;
  /** Whom a question about the AUP goes to: the first business manager, by name and address. */
  contact: { name: string; email: string };
  /** The approvers who may counter-sign the caller's AUP (never the caller), by name. */
  approverNames: string[];
  /** The caller's request for the current policy version, if any. */
  mine: RequestView | null;
  /**
   * What changed since the version the caller last signed, while their AUP is open to sign:
   * the counts in words, the first changes in plain words, how many more, and the changes document.
   */
  changes: { since: string; counts: string; items: string[]; more: number; link: string } | null;
  /** The caller's earlier requests. */
  history: RequestView[];
  /** For approvers: one page of the requests awaiting their counter-signature (never their own), oldest signature first. */
  pending: RequestView[];
  /** Which page of the approver's queue `pending` is (0-based), of how many, and how many wait in all. */
  pendingPage: { page: number; pages: number; total: number; from: number };
  systems: string[];
  /** The systems Settings tick for each staff type (what Approve all on this page grants). */
  defaultSystems: Record<string, string[]>;
  /**
   * Whether the caller may be a directory administrator: false once their own Admin SDK calls,
   * approving, showed they are not (unknown until they approve: true).
   */
  directoryAdmin: boolean;
  /**
   * For approvers: the staff list comes from the directory and no administrator reads it yet
   * (the daily directory sync is not installed).
   */
  directoryUnread: boolean;
  /** For approvers and business managers: approved requests whose account waits for a directory admin. */
  pendingAccounts: number;
  /** Of those, the ones the caller approved (their card enables them on open). */
  ownAccounts: number;
  /** For business managers. */
  manager: {
    trackingUrl: string;
    /** People on the Staff sheet (not left) without a request for the current version. */
    toInvite: number;
    /** The Signatures sheet's filter views, by link (null before they are made). */
    views: { needsChasing: string; thisCycle: string } | null;
    dashboard: DashboardRow[];
    rosterProblems: string[];
    /**
     * With the staff list from the directory: what the last sync did (when, by whom, what changed
     * or why it could not read), '' before the first.
     */
    directory: string | null;
    settings: Settings;
  } | null;
}

/** One line of Check deployment: fine (✓), to fix (✗, saying what to do), or for information. */
export interface CheckLine {
  status: 'ok' | 'fix' | 'info';
  /** What was checked, e.g. "Web app URL". */
  label: string;
  /** What was found, and what to do when it needs fixing. */
  detail: string;
}

/** The web app's answer. `message` is fit to show a person. */
export interface ServerResponse {
  ok: boolean;
  message: string;
  state?: HomeState;
  data?: Record<string, string>;
}
