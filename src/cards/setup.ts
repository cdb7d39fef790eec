import {
  DEFAULT_STAFF_TYPES,
  DEFAULT_SYSTEMS,
  defaultSystemsFor,
  defaultSystemsText,
  type Settings,
  type SettingsInput,
} from '../core/config';
import { directorySourcesText } from '../core/directory-roster';
import { actionButton, esc, text } from './widgets';

type TextField = Exclude<keyof Settings, 'approverEmails' | 'weekendEmails' | 'sendHour' | 'staffSource'>;

/** A text field of the settings card: its title, its hint, and the value a new school starts with. */
type FieldSpec = [field: TextField, title: string, hint: string, initial: string];

/** The settings card's sections, in the order a business manager fills them in. */
const GROUPS: [header: string, fields: FieldSpec[]][] = [
  [
    'Your school and its AUP',
    [
      ['schoolName', 'School name', '', ''],
      [
        'templateDocId',
        'Your AUP (Google Doc link)',
        'Your AUP as it is: its signature blocks are found for you.',
        '',
      ],
      ['policyVersion', 'Policy version', 'For example 2026-27', ''],
    ],
  ],
  [
    'People',
    [
      [
        'approvers',
        'Approvers',
        'Emails, comma separated: the headteacher or staff with delegated authority',
        '',
      ],
      ['businessManagers', 'Business managers', 'Emails, comma separated', ''],
      ['staffTypes', 'Staff types', 'Comma separated', DEFAULT_STAFF_TYPES.join(', ')],
      [
        'directorySources',
        'Units and groups from the directory',
        'One a line: /Staff = Staff, governors@your-school = Governor',
        '',
      ],
    ],
  ],
  [
    'Systems',
    [
      ['systems', 'Systems approvers can grant', 'Comma separated', DEFAULT_SYSTEMS.join(', ')],
      [
        'defaultSystems',
        'Ticked for each staff type',
        'Staff type: systems; next staff type: systems',
        defaultSystemsText(defaultSystemsFor(DEFAULT_STAFF_TYPES, DEFAULT_SYSTEMS)),
      ],
    ],
  ],
  [
    'Signing and reminders',
    [
      ['signingWindowDays', 'Days to sign', 'From the invitation to the due date', '14'],
      [
        'resignOn',
        'Everyone signs again',
        'A date each year (1 September) or a period (12 months)',
        '1 September',
      ],
      ['reminderDays', 'Reminders, days after the invitation', 'Comma separated', '3, 7'],
      ['reminderEveryDays', 'Then a reminder every (days)', '', '7'],
      ['escalationEveryDays', 'Overdue list to business managers every (days)', '', '7'],
    ],
  ],
  [
    'Records',
    [
      [
        'keepYears',
        'Keep signed records after someone leaves (years)',
        'Six years is common for employment records in English schools',
        '6',
      ],
      ['keepNeverJoinedYears', 'Keep the records of people who never joined (years)', '', '1'],
    ],
  ],
];

/**
 * The settings card (the owner's homepage before setup, later the Settings universal action), in
 * sections a business manager fills in from the top: the school and its AUP (the template by its
 * title, with a link), people, systems, signing and reminders, and emails; every field starts
 * with the default a school would choose, choices are drop-downs, and Save is in the fixed
 * footer. `templateName` is the current template's title ('' when unknown). With `retry` (a save
 * the server refused), the card shows what was typed, each field's problem just below it.
 */
export function setupCard(
  current: Settings | null,
  me: string,
  templateName = '',
  retry?: { typed: SettingsInput; errors: Record<string, string> },
): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder()
    .setName('settings')
    .setHeader(
      CardService.newCardHeader()
        .setTitle('AUP Signer settings')
        .setSubtitle(
          current ? current.schoolName : 'Point AUP Signer at your school’s AUP and say who approves.',
        ),
    );
  GROUPS.forEach(([header, fields], g) => {
    const s = CardService.newCardSection().setHeader(header);
    if (g === 0 && current && templateName) {
      const url = `https://docs.google.com/document/d/${current.templateDocId}/edit`;
      s.addWidget(
        CardService.newDecoratedText()
          .setTopLabel('Current template')
          .setText(`<a href="${esc(url)}">${esc(templateName)}</a>`)
          .setWrapText(true),
      );
    }
    if (header === 'People') {
      const source = retry ? String(retry.typed.staffSource ?? 'sheet') : (current?.staffSource ?? 'sheet');
      s.addWidget(
        dropdown('staffSource', 'The staff list comes from', source, [
          ['sheet', 'The Staff sheet'],
          ['directory', 'The Google directory alone (units and groups below)'],
          ['both', 'Both: the directory, and people added by hand'],
        ]),
      );
    }
    for (const [field, title, hint, initial] of fields) {
      const input = CardService.newTextInput().setFieldName(field).setTitle(title);
      if (field === 'directorySources') input.setMultiline(true);
      if (hint) input.setHint(hint);
      const typed = retry?.typed[field];
      const shown = retry
        ? String(Array.isArray(typed) ? typed.join(', ') : (typed ?? ''))
        : current
          ? shownValue(current, field)
          : field === 'businessManagers'
            ? me
            : initial;
      if (shown) input.setValue(shown);
      s.addWidget(input);
      const problem = retry?.errors[field];
      if (problem)
        s.addWidget(CardService.newTextParagraph().setText(`<font color="#d93025">${esc(problem)}</font>`));
    }
    if (g === GROUPS.length - 1) {
      const hour = retry ? Number(retry.typed.sendHour ?? 9) : (current?.sendHour ?? 9);
      const weekends = retry ? retry.typed.weekendEmails === 'yes' : Boolean(current?.weekendEmails);
      const approverEmails = retry
        ? String(retry.typed.approverEmails ?? 'daily')
        : (current?.approverEmails ?? 'daily');
      s.addWidget(
        dropdown(
          'sendHour',
          'Daily emails go out at',
          String(hour),
          Array.from(
            { length: 24 },
            (_, h) => [String(h), `${String(h).padStart(2, '0')}:00`] as [string, string],
          ),
        ),
      );
      s.addWidget(
        dropdown('weekendEmails', 'Emails at weekends', weekends ? 'yes' : 'no', [
          ['no', 'No: Monday to Friday only'],
          ['yes', 'Yes: every day'],
        ]),
      );
      s.addWidget(
        dropdown('approverEmails', 'Approvers hear of signatures', approverEmails, [
          ['daily', 'One digest a day'],
          ['each', 'An email for each signature'],
        ]),
      );
    }
    card.addSection(s);
  });
  if (!current)
    card.addSection(
      CardService.newCardSection().addWidget(text('You can change all of this later, in Settings.')),
    );
  return card
    .setFixedFooter(
      CardService.newFixedFooter()
        .setPrimaryButton(
          actionButton('Save settings', CardService.newAction().setFunctionName('onSaveSettings'), true),
        )
        .setSecondaryButton(
          actionButton('Check deployment', CardService.newAction().setFunctionName('onCheckDeployment')),
        ),
    )
    .build();
}

/** A setting as its text field shows it (the template as its link). */
function shownValue(current: Settings, field: TextField): string {
  if (field === 'templateDocId') return `https://docs.google.com/document/d/${current.templateDocId}/edit`;
  const value = current[field];
  if (field === 'directorySources') return directorySourcesText(current.directorySources);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return defaultSystemsText(value as Record<string, string[]>);
  return String(value ?? '');
}

/** A drop-down of `choices` ([value, label]), `selected` chosen. */
function dropdown(
  field: string,
  title: string,
  selected: string,
  choices: readonly [string, string][],
): GoogleAppsScript.Card_Service.SelectionInput {
  const input = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(field)
    .setTitle(title);
  for (const [value, label] of choices) input.addItem(label, value, value === selected);
  return input;
}
