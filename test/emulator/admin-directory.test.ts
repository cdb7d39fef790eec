import { createAdminDirectory } from '../../emulator/services/admin-directory';
import { DOMAIN, newExec, newWorkspace } from './support';

const TEACHER = `teacher@${DOMAIN}`;

/** The thrown error, for inspecting `name` and `details`. */
function thrown(fn: () => unknown): Error & { details?: { code: number; message: string } } {
  try {
    fn();
  } catch (e) {
    return e as Error & { details?: { code: number; message: string } };
  }
  throw new Error('expected a throw');
}

describe('AdminDirectory.Users', () => {
  it('a non-admin gets 403 "Not Authorized to access this resource/api" as a GoogleJsonResponseException', () => {
    const ws = newWorkspace();
    const dir = createAdminDirectory(newExec(ws, TEACHER));
    const e = thrown(() => dir.Users.get(TEACHER));
    expect(e.message).toBe(
      'API call to directory.users.get failed with error: Not Authorized to access this resource/api',
    );
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.details).toMatchObject({ code: 403, message: 'Not Authorized to access this resource/api' });
    expect(() => dir.Users.list({ domain: DOMAIN })).toThrow(
      'API call to directory.users.list failed with error: Not Authorized to access this resource/api',
    );
    expect(() => dir.Users.patch({ suspended: true }, TEACHER)).toThrow('directory.users.patch failed');
  });

  it('an unknown user is 404 "Resource Not Found: userKey"', () => {
    const ws = newWorkspace();
    const e = thrown(() => createAdminDirectory(newExec(ws)).Users.get(`nobody@${DOMAIN}`));
    expect(e.message).toBe('API call to directory.users.get failed with error: Resource Not Found: userKey');
    expect(e.details?.code).toBe(404);
  });

  it('injected HTTP faults fail the calls they strike with their codes, then calls succeed', () => {
    const ws = newWorkspace();
    const dir = createAdminDirectory(newExec(ws));
    ws.faults.inject({ method: 'AdminDirectory.Users.get' }, { kind: 'http', code: 429 });
    ws.faults.inject({ method: 'AdminDirectory.Users.list' }, { kind: 'http', code: 503 });
    const first = thrown(() => dir.Users.get(TEACHER));
    const second = thrown(() => dir.Users.list({ customer: 'my_customer' }));
    expect([first.message, first.details?.code]).toEqual([
      'API call to directory.users.get failed with error: Rate Limit Exceeded',
      429,
    ]);
    expect([second.message, second.details?.code]).toEqual([
      'API call to directory.users.list failed with error: Backend Error',
      503,
    ]);
    expect(dir.Users.get(TEACHER).primaryEmail).toBe(TEACHER);
    expect(ws.faults.pending()).toEqual([]);
  });

  it('get finds a user by email in any case or by ID and returns a copy that changes nothing', () => {
    const ws = newWorkspace();
    const dir = createAdminDirectory(newExec(ws));
    const user = dir.Users.get('Teacher@School.Example');
    expect(user).toMatchObject({
      kind: 'admin#directory#user',
      primaryEmail: TEACHER,
      name: { givenName: 'Tom', familyName: 'Teacher', fullName: 'Tom Teacher' },
      suspended: false,
      isAdmin: false,
      orgUnitPath: '/',
    });
    expect(dir.Users.get(user.id!).primaryEmail).toBe(TEACHER);
    user.suspended = true;
    user.name!.givenName = 'Changed';
    expect(ws.users.get(TEACHER)).toMatchObject({ suspended: false, name: { givenName: 'Tom' } });
  });

  it('a suspended user is returned with suspended: true', () => {
    const ws = newWorkspace();
    ws.addUser({ email: `gone@${DOMAIN}`, name: 'Gone Away', suspended: true });
    expect(createAdminDirectory(newExec(ws)).Users.get(`gone@${DOMAIN}`)).toMatchObject({
      suspended: true,
      suspensionReason: 'ADMIN',
    });
  });

  it('patch and update apply only the given fields (suspended, name parts, orgUnitPath)', () => {
    const ws = newWorkspace();
    const dir = createAdminDirectory(newExec(ws));
    const patched = dir.Users.patch({ suspended: true, name: { givenName: 'Thomas' } }, TEACHER);
    expect(patched).toMatchObject({
      suspended: true,
      name: { givenName: 'Thomas', familyName: 'Teacher', fullName: 'Thomas Teacher' },
      orgUnitPath: '/',
    });
    const updated = dir.Users.update({ orgUnitPath: '/Staff/Leavers' }, TEACHER);
    expect(updated).toMatchObject({ suspended: true, orgUnitPath: '/Staff/Leavers' });
    dir.Users.update({ suspended: false }, TEACHER);
    expect(ws.users.get(TEACHER)).toMatchObject({ suspended: false, orgUnitPath: '/Staff/Leavers' });
    expect(() => dir.Users.patch({ orgUnitPath: 'Staff' }, TEACHER)).toThrow('Invalid Input: INVALID_OU_ID');
    expect(() => dir.Users.patch({ suspended: true }, `nobody@${DOMAIN}`)).toThrow(
      'API call to directory.users.patch failed with error: Resource Not Found: userKey',
    );
  });

  it('list pages by maxResults (default 100, at most 500) with nextPageToken until the last page', () => {
    const ws = newWorkspace();
    for (let i = 0; i < 248; i++)
      ws.addUser({ email: `s${String(i).padStart(3, '0')}@${DOMAIN}`, name: `Staff ${i}` });
    const dir = createAdminDirectory(newExec(ws));
    const emails: string[] = [];
    let pageToken: string | undefined;
    const sizes: number[] = [];
    do {
      const page = dir.Users.list({ domain: DOMAIN, pageToken });
      sizes.push(page.users?.length ?? 0);
      emails.push(...(page.users ?? []).map((u) => u.primaryEmail!));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(emails).size).toBe(250);
    expect(emails).toEqual([...emails].sort());
    expect(dir.Users.list({ customer: 'my_customer', maxResults: 500 }).users).toHaveLength(250);
    expect(() => dir.Users.list({ domain: DOMAIN, maxResults: 501 })).toThrow(
      "API call to directory.users.list failed with error: Invalid value '501'. Values must be within the range: [1, 500]",
    );
  });

  it('list needs a domain or customer, and filters by query with no users field when nothing matches', () => {
    const ws = newWorkspace();
    ws.addUser({ email: `gone@${DOMAIN}`, name: 'Gone Away', suspended: true });
    const dir = createAdminDirectory(newExec(ws));
    const e = thrown(() => dir.Users.list({}));
    expect([e.message, e.details?.code]).toEqual([
      'API call to directory.users.list failed with error: Bad Request',
      400,
    ]);
    const suspended = dir.Users.list({ domain: DOMAIN, query: 'isSuspended=true' });
    expect(suspended.users!.map((u) => u.primaryEmail)).toEqual([`gone@${DOMAIN}`]);
    const none = dir.Users.list({ domain: DOMAIN, query: 'email:zzz' });
    expect(none).toEqual({ kind: 'admin#directory#users' });
    expect(() => dir.Users.list({ domain: 'other.example' })).toThrow(
      'Not Authorized to access this resource/api',
    );
  });

  it('each call is counted as AdminDirectory.Users.<method>', () => {
    const ws = newWorkspace();
    const dir = createAdminDirectory(newExec(ws));
    dir.Users.get(TEACHER);
    dir.Users.list({ domain: DOMAIN });
    expect(ws.accounting.total('AdminDirectory.Users.')).toBe(2);
    expect(ws.accounting.totalMs()).toBe(500);
  });
});

describe('AdminDirectory.Members and the user fields a staff list reads', () => {
  it('lists a group’s members a page at a time, nested groups’ members with includeDerivedMembership', () => {
    const ws = newWorkspace();
    for (let i = 0; i < 3; i++) ws.addUser({ email: `gov${i}@${DOMAIN}`, name: `Gov ${i}` });
    ws.addGroup(`trustees@${DOMAIN}`, [`gov2@${DOMAIN}`]);
    ws.addGroup(`governors@${DOMAIN}`, [`gov0@${DOMAIN}`, `gov1@${DOMAIN}`, `trustees@${DOMAIN}`]);
    const dir = createAdminDirectory(newExec(ws));
    const first = dir.Members.list(`governors@${DOMAIN}`, { maxResults: 2 });
    expect(first.members?.map((m) => [m.email, m.type])).toEqual([
      [`gov0@${DOMAIN}`, 'USER'],
      [`gov1@${DOMAIN}`, 'USER'],
    ]);
    const rest = dir.Members.list(`governors@${DOMAIN}`, { maxResults: 2, pageToken: first.nextPageToken });
    expect(rest.members?.map((m) => [m.email, m.type])).toEqual([[`trustees@${DOMAIN}`, 'GROUP']]);
    expect(rest.nextPageToken).toBeUndefined();
    const all = dir.Members.list(`GOVERNORS@${DOMAIN}`, { includeDerivedMembership: true });
    expect(all.members?.map((m) => m.email)).toEqual([
      `gov0@${DOMAIN}`,
      `gov1@${DOMAIN}`,
      `trustees@${DOMAIN}`,
      `gov2@${DOMAIN}`,
    ]);
    expect(() => dir.Members.list(`governors@${DOMAIN}`, { maxResults: 201 })).toThrow(
      "Invalid value '201'. Values must be within the range: [1, 200]",
    );
  });

  it('refuses anyone but an administrator, a delegated user reader too; an unknown group is 404', () => {
    const ws = newWorkspace();
    ws.addUser({ email: `reader@${DOMAIN}`, name: 'Read Er', readsUsers: true });
    ws.addGroup(`staff@${DOMAIN}`, [`teacher@${DOMAIN}`]);
    for (const who of [TEACHER, `reader@${DOMAIN}`]) {
      const e = thrown(() => createAdminDirectory(newExec(ws, who)).Members.list(`staff@${DOMAIN}`));
      expect([e.message, e.details?.code]).toEqual([
        'API call to directory.members.list failed with error: Not Authorized to access this resource/api',
        403,
      ]);
    }
    expect(
      createAdminDirectory(newExec(ws, `reader@${DOMAIN}`)).Users.list({ customer: 'my_customer' }).users,
    ).toHaveLength(3);
    const missing = thrown(() => createAdminDirectory(newExec(ws)).Members.list(`nobody@${DOMAIN}`));
    expect([missing.message, missing.details?.code]).toEqual([
      'API call to directory.members.list failed with error: Resource Not Found: groupKey',
      404,
    ]);
  });

  it('gives a user’s job title as their primary organisation, and their recovery email', () => {
    const ws = newWorkspace();
    ws.addUser({
      email: `new@${DOMAIN}`,
      name: 'New Starter',
      suspended: true,
      title: 'Science Teacher',
      recoveryEmail: 'New@Home.example',
    });
    const u = createAdminDirectory(newExec(ws)).Users.get(
      `new@${DOMAIN}`,
    ) as GoogleAppsScript.AdminDirectory.Schema.User & { recoveryEmail?: string };
    expect(u.organizations).toEqual([{ title: 'Science Teacher', primary: true, customType: '' }]);
    expect(u.recoveryEmail).toBe('new@home.example');
    expect(createAdminDirectory(newExec(ws)).Users.get(TEACHER).organizations).toBeUndefined();
  });
});
