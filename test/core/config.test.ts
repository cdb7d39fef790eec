import {
  checkSettings,
  defaultSystemsText,
  docIdFrom,
  parseConfig,
  parseDefaultSystems,
  DEFAULT_STAFF_TYPES,
} from '../../src/core/config';

const good = {
  schoolName: ' Oakfield  Primary ',
  templateDocId: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUv/edit',
  policyVersion: '2026-27',
  approvers: 'Head@School.example; tech@school.example',
  businessManagers: 'bm@school.example',
};

describe('settings from the setup card', () => {
  it('are cleaned: names trimmed, emails lower-cased, lists split, defaults filled', () => {
    const c = checkSettings(good);
    expect(c.ok && c.value).toEqual({
      schoolName: 'Oakfield Primary',
      templateDocId: '1AbCdEfGhIjKlMnOpQrStUv',
      policyVersion: '2026-27',
      approvers: ['head@school.example', 'tech@school.example'],
      businessManagers: ['bm@school.example'],
      staffTypes: DEFAULT_STAFF_TYPES,
      systems: ['Email', 'Google Classroom', 'MIS', 'Wi-Fi'],
      defaultSystems: {
        Staff: ['Email', 'Google Classroom', 'MIS', 'Wi-Fi'],
        Governor: ['Email'],
        Volunteer: ['Email'],
        Contractor: ['Email'],
      },
      signingWindowDays: 14,
      resignOn: '1 September',
      reminderDays: [3, 7],
      reminderEveryDays: 7,
      escalationEveryDays: 7,
      sendHour: 9,
      approverEmails: 'daily',
      weekendEmails: false,
      staffSource: 'sheet',
      directorySources: [],
      keepYears: 6,
      keepNeverJoinedYears: 1,
    });
  });

  it('take the staff list from the directory only with units or groups named, each a known staff type', () => {
    const none = checkSettings({ ...good, staffSource: 'directory' });
    expect(!none.ok && none.fields?.directorySources).toBe(
      'Units and groups: name at least one, such as "/Staff = Staff", to take the staff list from the directory.',
    );
    const bad = checkSettings({ ...good, staffSource: 'both', directorySources: '/Staff = Pupils' });
    expect(!bad.ok && bad.fields?.directorySources).toMatch(/"Pupils" is not one of the staff types/);
    const fine = checkSettings({
      ...good,
      staffSource: 'both',
      directorySources: '/Staff = Staff\ngov@school.example = Governor',
    });
    expect(fine.ok && fine.value.directorySources).toEqual([
      { kind: 'unit', key: '/Staff', staffType: 'Staff' },
      { kind: 'group', key: 'gov@school.example', staffType: 'Governor' },
    ]);
    const years = checkSettings({ ...good, keepYears: '0' });
    expect(!years.ok && years.fields?.keepYears).toBe(
      'Keep signed records after someone leaves (years) must be a whole number from 1 to 100, not "0".',
    );
  });

  it('report every problem in words a business manager can act on', () => {
    const c = checkSettings({ approvers: 'not-an-email', signingWindowDays: '0' });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors).toEqual([
      'School name is required.',
      'Template: paste the AUP Google Doc link or its ID.',
      'Policy version is required (for example 2026-27).',
      'Approvers: "not-an-email" is not an email address.',
      'At least one business manager is required.',
      'Signing window (days) must be a whole number from 1 to 365, not "0".',
    ]);
  });

  it('check the annual cycle settings', () => {
    const c = checkSettings({
      ...good,
      resignOn: 'whenever',
      reminderDays: '0',
      sendHour: '25',
      reminderEveryDays: 'weekly',
    });
    expect(c.ok ? [] : c.errors).toEqual([
      'Reminders after that, every (days) must be a whole number from 1 to 60, not "weekly".',
      'Hour to send must be a whole number from 0 to 23, not "25".',
      'Write when re-signing falls due as a date ("1 September") or a number of months ("12 months"), not "whenever".',
      'Reminder days are whole days after the invitation, 1 to 60, separated by commas ("3, 7"), not "0".',
    ]);
    const ok = checkSettings({ ...good, resignOn: '18 months', reminderDays: '2;5;10', sendHour: '0' });
    expect(ok.ok && [ok.value.resignOn, ok.value.reminderDays, ok.value.sendHour]).toEqual([
      '18 months',
      [2, 5, 10],
      0,
    ]);
  });

  it('take a Doc ID from a URL or as it is, and nothing else', () => {
    expect(docIdFrom('https://docs.google.com/document/d/1AbCdEfGhIjK_-9/edit#heading=h.x')).toBe(
      '1AbCdEfGhIjK_-9',
    );
    expect(docIdFrom('1AbCdEfGhIjK')).toBe('1AbCdEfGhIjK');
    expect(docIdFrom('my policy')).toBe('');
  });
});

describe('the stored configuration', () => {
  it('is refused when it is not JSON or lacks a field, saying what to do', () => {
    expect(() => parseConfig('{')).toThrow('not valid JSON');
    expect(() => parseConfig('{"schoolName":"x"}')).toThrow(/lacks templateDocId, policyVersion, owner/);
  });
});

describe('systems ticked by staff type', () => {
  const types = ['Staff', 'Governor'];
  const systems = ['Email', 'MIS', 'Wi-Fi'];
  it('reads "Staff type: system, system" parts, in any case, other staff types none', () => {
    expect(parseDefaultSystems('staff: email, mis', types, systems)).toEqual({
      Staff: ['Email', 'MIS'],
      Governor: [],
    });
    expect(parseDefaultSystems('Staff: Email; Governor: Wi-Fi', types, systems)).toEqual({
      Staff: ['Email'],
      Governor: ['Wi-Fi'],
    });
  });
  it('says what is wrong: a part without a colon, an unknown staff type or system', () => {
    expect(parseDefaultSystems('Email', types, systems)).toMatch(/write "Staff type: system, system"/);
    expect(parseDefaultSystems('Cook: Email', types, systems)).toMatch(
      /"Cook" is not one of the staff types/,
    );
    expect(parseDefaultSystems('Staff: Printer', types, systems)).toMatch(
      /"Printer" is not one of the systems/,
    );
  });
  it('shows as Settings show it, and reads back the same', () => {
    const d = { Staff: ['Email', 'MIS'], Governor: ['Email'] };
    expect(defaultSystemsText(d)).toBe('Staff: Email, MIS; Governor: Email');
    expect(parseDefaultSystems(defaultSystemsText(d), types, systems)).toEqual(d);
  });
});

describe('settings problems by field', () => {
  it('names the field each problem is about, the first problem of each, to show beside it', () => {
    const c = checkSettings({
      approvers: 'not-an-email, also-not',
      signingWindowDays: '0',
      staffTypes: 'Staff',
      defaultSystems: 'Cook: Email',
    });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.fields).toEqual({
      schoolName: 'School name is required.',
      templateDocId: 'Template: paste the AUP Google Doc link or its ID.',
      policyVersion: 'Policy version is required (for example 2026-27).',
      approvers: 'Approvers: "not-an-email" is not an email address.',
      businessManagers: 'At least one business manager is required.',
      defaultSystems: expect.stringMatching(/"Cook" is not one of the staff types/),
      signingWindowDays: 'Signing window (days) must be a whole number from 1 to 365, not "0".',
    });
  });
});
