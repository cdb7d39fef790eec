import { checkSettings, docIdFrom, parseConfig, DEFAULT_STAFF_TYPES } from '../../src/core/config';

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
      signingWindowDays: 14,
    });
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
      'Signing window must be a whole number of days from 1 to 365, not "0".',
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
