import { Accounting } from './accounting';
import { Clock } from './clock';
import { Faults } from './faults';
import { deepCopy } from './fork';
import { IdFactory } from './ids';

/** A Workspace user as the Admin SDK Directory API describes one (the subset we model). */
export interface DirectoryUser {
  id: string;
  primaryEmail: string;
  name: { givenName: string; familyName: string; fullName: string };
  suspended: boolean;
  /** A super administrator: every Admin SDK call succeeds for them. */
  isAdmin: boolean;
  /**
   * A delegated administrator whose role may only read users (Admin console › Account › Admin
   * roles, a custom role with Users › Read): `users.get` and `users.list` succeed, changes do not.
   */
  readsUsers: boolean;
  orgUnitPath: string;
  creationTime: string;
  /** The primary organisation's job title ('' when none). */
  title: string;
  /** The account's recovery email ('' when none). */
  recoveryEmail: string;
}

/** A Google group as the Directory API's members.list describes its membership (the subset we model). */
export interface DirectoryGroup {
  email: string;
  /** Each member's address: a user of the domain, another group, or someone outside. */
  members: string[];
}

/** MIME types Drive uses for Google files (developers.google.com/drive/api/guides/mime-types). */
export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
  form: 'application/vnd.google-apps.form',
  script: 'application/vnd.google-apps.script',
  pdf: 'application/pdf',
  plain: 'text/plain',
} as const;

/** What a Google file holds (a spreadsheet, a document, a form); copied by `File.makeCopy`. */
export interface ItemContent {
  clone(): ItemContent;
  /** The file as plain text: for `getAs('application/pdf')` and the exporters. */
  toText(): string;
}

/** Drive sharing by link or domain (DriveApp.Access / DriveApp.Permission). */
export type Access = 'PRIVATE' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'ANYONE' | 'ANYONE_WITH_LINK';
export type LinkPermission = 'VIEW' | 'EDIT' | 'COMMENT' | 'NONE' | 'OWNER' | 'ORGANIZER' | 'FILE_ORGANIZER';

/** A file or folder in Drive. */
export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  editors: Set<string>;
  viewers: Set<string>;
  parents: Set<string>;
  trashed: boolean;
  created: number;
  updated: number;
  description: string;
  access: Access;
  permission: LinkPermission;
  /** Google files: their model. */
  content?: ItemContent;
  /** Other files: their bytes. */
  bytes?: Uint8Array;
}

/** An email handed to MailApp (and delivered to each recipient's mailbox). */
export interface SentMail {
  id: string;
  threadId: string;
  sender: string;
  senderName: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: MailAttachment[];
  sentAt: number;
}

/** A file attached to an email. */
export interface MailAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** An installable trigger (ScriptApp.newTrigger ... create()). */
export interface TriggerRecord {
  uid: string;
  handler: string;
  /** The user who created it: it runs as them. */
  owner: string;
  eventType: 'CLOCK' | 'ON_FORM_SUBMIT';
  /** CLOCK: repeat interval in ms (0 for a one-off `at`). */
  everyMs: number;
  /** CLOCK: next instant it fires. */
  nextAt: number;
  /** CLOCK with everyDays: hour of day (0-23) in the script time zone, or -1. */
  atHour: number;
  /** ON_FORM_SUBMIT: the form's ID. */
  sourceId: string;
  /** Created from a Workspace add-on (add-on time-driven triggers may run at most hourly). */
  addOn: boolean;
}

/** The web-app deployment of the script (manifest `webapp`). */
export interface WebAppDeployment {
  deploymentId: string;
  /** `USER_DEPLOYING`: runs as this user. */
  executeAs: string;
  access: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
  /** The script version the deployment serves (a new one at each update; the ID stays). */
  versionNumber: number;
}

/**
 * The Apps Script project: its ID, which is also the ID of its file in Drive, whose sharing
 * decides who may open the project and, as reported for web apps called with an OAuth token,
 * who may call its web app.
 */
export interface ScriptProject {
  scriptId: string;
}

/**
 * The tenant's admin policies the add-on meets (Admin console settings), strict by default:
 * - `outsideSharing`: Drive sharing outside the domain (Admin console › Drive and Docs › Sharing
 *   settings). Most school tenants block it, so the default is 'blocked'.
 * - `formsOutsideResponses`: whether forms owned in the domain accept responses from people
 *   outside it who have the link even when outside sharing is blocked (Drive and Docs › Forms
 *   responses; Google's documented default is on).
 * - `formsUnpublishedFrom`: forms created through the API from this instant start unpublished
 *   (developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms: "after June 30, 2026").
 * - `cloudApis`: APIs enabled in the script's Google Cloud project; an advanced service whose API
 *   is disabled there fails with "<API> has not been used in project … or it is disabled".
 */
export interface TenantPolicy {
  outsideSharing: 'blocked' | 'allowed';
  formsOutsideResponses: boolean;
  formsUnpublishedFrom: number;
  cloudApis: Set<'admin' | 'drive' | 'docs' | 'sheets'>;
}

/** An OAuth access token handed out by `ScriptApp.getOAuthToken()`: whose it is and what it carries. */
export interface OAuthToken {
  user: string;
  scopes: ReadonlySet<string>;
}

/** A request reaching the web app through UrlFetchApp. */
export interface WebAppRequest {
  /** The URL fetched, query included (the `/exec` or `/dev` URL, or a `script.googleusercontent.com` redirect). */
  url: string;
  method: 'get' | 'post';
  /** The user named by the `Authorization: Bearer` token, or '' when none was sent. */
  caller: string;
  /** The scopes that token carries (empty without one). */
  callerScopes: ReadonlySet<string>;
  /** Query parameters. */
  parameters: Record<string, string[]>;
  contentType: string;
  body: string;
  /** The fetching execution, whose clock the web app's run is charged to. */
  from: import('./execution').Execution;
}

/** What the web app answered. */
export interface WebAppResponse {
  code: number;
  contentType: string;
  body: string;
  /** The `Location` header of a redirect. */
  location?: string;
}

/** A timed value in CacheService. */
export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** A lock currently held: which execution holds it. */
export interface HeldLock {
  holder: object;
  /** When it was taken (clock ms), for {@link Workspace.lockHolds}. */
  since?: number;
}

/**
 * The whole in-memory Google Workspace: one domain's users, Drive, mail, script state and the
 * clock. Service fakes (emulator/services) read and change it on behalf of one {@link Execution}.
 */
export class Workspace {
  readonly clock: Clock;
  readonly accounting = new Accounting();
  readonly ids: IdFactory;
  readonly timeZone = 'Europe/London';
  readonly users = new Map<string, DirectoryUser>();
  /** Google groups by address (lower-cased). */
  readonly groups = new Map<string, DirectoryGroup>();
  /**
   * People outside the domain (personal addresses): they can receive mail and open forms. Most
   * have no Google account (a personal Outlook or school-leaver address), so by default they cannot
   * sign in to Google at all.
   */
  readonly externals = new Map<string, { googleAccount: boolean }>();
  readonly drive = new Map<string, DriveItem>();
  readonly sentMail: SentMail[] = [];
  /** Recipients MailApp sent to per user per quota day: key `email|yyyy-mm-dd`. */
  readonly mailQuotaUsed = new Map<string, number>();
  readonly scriptProperties = new Map<string, string>();
  readonly userProperties = new Map<string, Map<string, string>>();
  readonly scriptCache = new Map<string, CacheEntry>();
  readonly userCache = new Map<string, Map<string, CacheEntry>>();
  readonly locks = new Map<string, HeldLock>();
  /** Each time an execution held a lock: which, who, and for how long in modelled ms (tests of lock contention). */
  readonly lockHolds: { key: string; user: string; ms: number }[] = [];
  readonly triggers: TriggerRecord[] = [];
  readonly logs: string[] = [];
  /** Faults tests inject (`host.faults`): consulted by every counted call. */
  readonly faults = new Faults();
  /** The tenant's admin policies (see {@link TenantPolicy}). */
  readonly tenant: TenantPolicy = {
    outsideSharing: 'blocked',
    formsOutsideResponses: true,
    formsUnpublishedFrom: Date.parse('2026-07-01T07:00:00Z'),
    cloudApis: new Set(['admin', 'drive', 'docs', 'sheets']),
  };
  /** The script project, set by the host from the bundle's manifest. */
  project: ScriptProject | undefined;
  webApp: WebAppDeployment | undefined;
  /**
   * Set by the host: runs the script's `doPost`/`doGet` for a `UrlFetchApp.fetch` to the web
   * app's URL, as the deployment's user, for the caller named by the bearer token.
   */
  webAppHandler: ((request: WebAppRequest) => WebAppResponse) | undefined;
  /** OAuth tokens handed out by `ScriptApp.getOAuthToken()`. */
  readonly oauthTokens = new Map<string, OAuthToken>();
  /** What the web app answered, kept for the `script.googleusercontent.com` redirect that fetches it. */
  readonly webAppEchoes = new Map<string, WebAppResponse>();

  /**
   * @param domain the Workspace's primary domain, e.g. `school.example`
   * @param start the clock's starting instant
   * @param seed seed for deterministic IDs
   */
  constructor(
    readonly domain: string,
    start: Date,
    seed = 'aup-signer',
  ) {
    this.clock = new Clock(start);
    this.ids = new IdFactory(seed);
  }

  /**
   * A copy of this Workspace as it is now, to run from again and again (its own clock at the same
   * instant, no locks held, no faults, no call counts, no web-app handler until a host sets one).
   */
  fork(): Workspace {
    const replace = new Map<object, object>([
      [this.clock, new Clock(new Date(this.clock.now()))],
      [this.faults, new Faults()],
      [this.accounting, new Accounting()],
    ]);
    const copy = deepCopy(this, replace);
    copy.locks.clear();
    copy.webAppHandler = undefined;
    return copy;
  }

  /** Adds a domain user (active unless `suspended`). */
  addUser(u: {
    email: string;
    name: string;
    admin?: boolean;
    /** A delegated admin who may read users but not change them. */
    readsUsers?: boolean;
    suspended?: boolean;
    orgUnitPath?: string;
    title?: string;
    recoveryEmail?: string;
  }): DirectoryUser {
    const email = u.email.toLowerCase();
    if (!email.endsWith(`@${this.domain}`)) throw new Error(`${email} is not in ${this.domain}`);
    const parts = u.name.trim().split(/\s+/);
    const user: DirectoryUser = {
      id: this.ids
        .next(21)
        .replace(/[^0-9]/g, '7')
        .slice(0, 21),
      primaryEmail: email,
      name: { givenName: parts[0] ?? '', familyName: parts.slice(1).join(' '), fullName: u.name.trim() },
      suspended: Boolean(u.suspended),
      isAdmin: Boolean(u.admin),
      readsUsers: Boolean(u.readsUsers),
      orgUnitPath: u.orgUnitPath ?? '/',
      creationTime: new Date(this.clock.now()).toISOString(),
      title: u.title ?? '',
      recoveryEmail: (u.recoveryEmail ?? '').toLowerCase(),
    };
    this.users.set(email, user);
    return user;
  }

  /** Adds a Google group with these members (addresses of users, other groups or people outside). */
  addGroup(email: string, members: readonly string[]): DirectoryGroup {
    const group = { email: email.toLowerCase(), members: members.map((m) => m.toLowerCase()) };
    this.groups.set(group.email, group);
    return group;
  }

  /** Adds a person outside the domain (a personal address), with a Google account or (by default) none. */
  addExternal(email: string, opts: { googleAccount?: boolean } = {}): void {
    this.externals.set(email.toLowerCase(), { googleAccount: Boolean(opts.googleAccount) });
  }

  /** True for an address in this Workspace's domain. */
  inDomain(email: string): boolean {
    return email.toLowerCase().endsWith(`@${this.domain}`);
  }

  /** Whether `user` may read the item (owner, editor, viewer, or by domain/public sharing). */
  canView(item: DriveItem, user: string): boolean {
    return (
      this.canEdit(item, user) || item.viewers.has(user) || this.linkGrants(item, user, ['VIEW', 'COMMENT'])
    );
  }

  /** Whether `user` may edit the item. */
  canEdit(item: DriveItem, user: string): boolean {
    return item.owner === user || item.editors.has(user) || this.linkGrants(item, user, ['EDIT']);
  }

  private linkGrants(item: DriveItem, user: string, perms: LinkPermission[]): boolean {
    if (!perms.includes(item.permission)) return false;
    if (item.access === 'ANYONE' || item.access === 'ANYONE_WITH_LINK') return true;
    if (item.access === 'DOMAIN' || item.access === 'DOMAIN_WITH_LINK') return this.inDomain(user);
    return false;
  }

  /** Creates a Drive item owned by `owner` in `parent` (My Drive root when omitted). */
  createItem(owner: string, name: string, mimeType: string, extra: Partial<DriveItem> = {}): DriveItem {
    const now = this.clock.now();
    const item: DriveItem = {
      id: this.ids.next(),
      name,
      mimeType,
      owner,
      editors: new Set(),
      viewers: new Set(),
      parents: new Set([rootFolderId(owner)]),
      trashed: false,
      created: now,
      updated: now,
      description: '',
      access: 'PRIVATE',
      permission: 'NONE',
      ...extra,
    };
    this.drive.set(item.id, item);
    return item;
  }

  /** The user's My Drive root folder, created on first use. */
  rootFolder(user: string): DriveItem {
    const id = rootFolderId(user);
    let root = this.drive.get(id);
    if (!root) {
      const now = this.clock.now();
      root = {
        id,
        name: 'My Drive',
        mimeType: MIME.folder,
        owner: user,
        editors: new Set(),
        viewers: new Set(),
        parents: new Set(),
        trashed: false,
        created: now,
        updated: now,
        description: '',
        access: 'PRIVATE',
        permission: 'NONE',
      };
      this.drive.set(id, root);
    }
    return root;
  }
}

/** The ID of a user's My Drive root folder. */
export function rootFolderId(user: string): string {
  return `root:${user}`;
}
