import { inUnit, type DirectoryPerson, type DirectorySource } from '../core/directory-roster';
import { directoryApi } from './advanced';
import { apiFailure } from './api-error';

/** Users.list's largest page (developers.google.com/admin-sdk/directory/reference/rest/v1/users/list). */
const USERS_PAGE = 500;
/** Members.list's largest page (developers.google.com/admin-sdk/directory/reference/rest/v1/members/list). */
const MEMBERS_PAGE = 200;

/** The directory's people in the configured units and groups, and what could not be read. */
export interface DirectoryRead {
  people: DirectoryPerson[];
  /**
   * A line for each source that could not be read (a group that does not exist, a unit with
   * nobody in it): then nobody is taken for a leaver for being absent.
   */
  problems: string[];
}

/** Why reading the directory was refused: the caller is no administrator who may read users and groups. */
export class DirectoryRefused extends Error {}

/**
 * Reads the people of `sources` from the Admin SDK Directory API as the user running this
 * execution (the administrator who installed the trigger): every user of the account, a page of
 * 500 at a time (Users.list, customer my_customer), and each group's members with indirect ones
 * (Members.list, includeDerivedMembership, 200 a page). Someone in several sources takes the
 * staff type of the first. Read-only: needs admin.directory.user.readonly and
 * admin.directory.group.member.readonly.
 * @throws DirectoryRefused for a 403 (not an administrator, or a role that cannot read them)
 */
export function readDirectory(sources: readonly DirectorySource[]): DirectoryRead {
  const api = directoryApi();
  const users: GoogleAppsScript.AdminDirectory.Schema.User[] = [];
  const refused = (e: unknown): never => {
    const f = apiFailure(e);
    if (f.code === 403)
      throw new DirectoryRefused(
        `The directory could not be read (${f.message}): only a Google Workspace administrator whose role may read users and groups can run the staff-list sync.`,
      );
    throw e;
  };
  let pageToken: string | undefined;
  do {
    let page: GoogleAppsScript.AdminDirectory.Schema.Users;
    try {
      page = api.Users.list({
        customer: 'my_customer',
        maxResults: USERS_PAGE,
        pageToken,
        viewType: 'admin_view',
      });
    } catch (e) {
      return refused(e);
    }
    users.push(...(page.users ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  const byEmail = new Map(users.map((u) => [String(u.primaryEmail ?? '').toLowerCase(), u]));
  const problems: string[] = [];
  const people = new Map<string, DirectoryPerson>();
  const take = (u: GoogleAppsScript.AdminDirectory.Schema.User, s: DirectorySource): void => {
    const email = String(u.primaryEmail ?? '').toLowerCase();
    if (!email || people.has(email)) return;
    const title = (u.organizations as { title?: string; primary?: boolean }[] | undefined) ?? [];
    people.set(email, {
      email,
      name: String(u.name?.fullName ?? `${u.name?.givenName ?? ''} ${u.name?.familyName ?? ''}`).trim(),
      title: String((title.find((o) => o.primary) ?? title[0])?.title ?? ''),
      suspended: Boolean(u.suspended),
      recoveryEmail: String((u as { recoveryEmail?: string }).recoveryEmail ?? '').toLowerCase(),
      staffType: s.staffType,
      from: s.key,
    });
  };
  for (const s of sources) {
    if (s.kind === 'unit') {
      const inIt = users.filter((u) => inUnit(String(u.orgUnitPath ?? '/'), s.key));
      if (!inIt.length)
        problems.push(`The unit ${s.key} has nobody in it in the directory: check its path in Settings.`);
      for (const u of inIt) take(u, s);
      continue;
    }
    const members = groupMembers(api, s.key, refused);
    if (members === undefined) {
      problems.push(`The group ${s.key} was not found in the directory: check its address in Settings.`);
      continue;
    }
    for (const m of members) {
      const u = byEmail.get(m);
      if (u) take(u, s);
    }
  }
  return { people: [...people.values()], problems };
}

/** A group's user members' addresses (indirect ones too), or undefined when the group does not exist. */
function groupMembers(
  api: GoogleAppsScript.AdminDirectory,
  group: string,
  refused: (e: unknown) => never,
): string[] | undefined {
  const out: string[] = [];
  let pageToken: string | undefined;
  do {
    let page: GoogleAppsScript.AdminDirectory.Schema.Members;
    try {
      page = (api.Members as GoogleAppsScript.AdminDirectory.Collection.MembersCollection).list(group, {
        maxResults: MEMBERS_PAGE,
        pageToken,
        includeDerivedMembership: true,
      });
    } catch (e) {
      if (apiFailure(e).code === 404) return undefined;
      return refused(e);
    }
    for (const m of page.members ?? [])
      if (m.type === 'USER' && m.email) out.push(String(m.email).toLowerCase());
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}
