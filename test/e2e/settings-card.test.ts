import { sampleSchool } from './support';

const BM = 'bm@school.example';

describe('the settings card', () => {
  it('is grouped in sections, shows the template by its title with a link, has drop-downs for choices and Save in the footer', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    const card = bm.universalAction('onSettingsAction').card!;
    expect((card.sections ?? []).map((s) => s.header)).toEqual([
      'Your school and its AUP',
      'People',
      'Systems',
      'Signing and reminders',
      'Records',
    ]);
    const widgets = (card.sections ?? []).flatMap((s) => s.widgets ?? []);
    const template = widgets.find((w) => w.decoratedText?.topLabel === 'Current template')?.decoratedText;
    expect(template?.text).toMatch(
      /^<a href="https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit">AUP<\/a>$/,
    );
    const dropdowns = widgets
      .filter((w) => w.selectionInput?.type === 'DROPDOWN')
      .map((w) => w.selectionInput?.name);
    expect(dropdowns).toEqual(['staffSource', 'sendHour', 'weekendEmails', 'approverEmails']);
    const value = (name: string) => widgets.find((w) => w.textInput?.name === name)?.textInput?.value;
    expect(value('templateDocId')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(value('defaultSystems')).toBe(
      'Staff: Email, Google Classroom, MIS, Wi-Fi; Governor: Email; Volunteer: Email; Contractor: Email',
    );
    expect(card.fixedFooter?.primaryButton?.text).toBe('Save settings');
  });

  it('before setup, starts every field at the default a school would choose', async () => {
    const school = await sampleSchool();
    const screen = school.host.as(BM).openHomepage('GMAIL');
    expect(screen.card?.name).not.toBe('settings');
    const saved = school.screens.find((s) => s.screen.card?.name === 'settings')?.screen.card;
    const widgets = (saved?.sections ?? []).flatMap((s) => s.widgets ?? []);
    const value = (name: string) => widgets.find((w) => w.textInput?.name === name)?.textInput?.value;
    expect([
      value('staffTypes'),
      value('signingWindowDays'),
      value('resignOn'),
      value('reminderDays'),
    ]).toEqual(['Staff, Governor, Volunteer, Contractor', '14', '1 September', '3, 7']);
    const checked = school.screens.find((s) => s.screen.card?.name === 'template-check')?.screen.card;
    expect((checked?.sections ?? []).map((s) => s.header)).toContain('Next steps');
  });
});
