import { defaultSystemsText, type Settings } from '../core/config';
import { actionButton, text } from './widgets';

const FIELDS: [Exclude<keyof Settings, 'approverEmails' | 'weekendEmails'>, string, string][] = [
  ['schoolName', 'School name', ''],
  [
    'templateDocId',
    'AUP template (Google Doc link or ID)',
    'Your AUP as it is: its signature blocks are found for you.',
  ],
  ['policyVersion', 'Policy version', 'For example 2026-27'],
  ['approvers', 'Approvers (emails, comma separated)', 'Headteacher or staff with delegated authority'],
  ['businessManagers', 'Business managers (emails, comma separated)', ''],
  ['staffTypes', 'Staff types', 'Staff, Governor, Volunteer, Contractor'],
  ['systems', 'Systems approvers can grant', 'Email, Google Classroom, MIS, Wi-Fi'],
  ['defaultSystems', 'Systems ticked by staff type', 'Staff: Email, MIS; Governor: Email'],
  ['signingWindowDays', 'Signing window (days)', '14'],
  ['resignOn', 'Re-sign every year on, or after', '1 September, or 12 months'],
  ['reminderDays', 'Reminders, days after the invitation', '3, 7'],
  ['reminderEveryDays', 'Then a reminder every (days)', '7'],
  ['escalationEveryDays', 'Overdue digest to business managers every (days)', '7'],
  ['sendHour', 'Hour to send (Europe/London, 0-23)', '9'],
];

/** The setup card: the homepage for the owner before setup, later the Settings universal action. */
export function setupCard(current: Settings | null, me: string): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection();
  s.addWidget(text('Point AUP Signer at your school’s AUP and say who approves.'));
  for (const [field, title, hint] of FIELDS) {
    const input = CardService.newTextInput().setFieldName(field).setTitle(title);
    if (hint) input.setHint(hint);
    const value = current ? current[field] : field === 'businessManagers' ? me : '';
    const shown = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object'
        ? defaultSystemsText(value)
        : String(value ?? '');
    if (shown) input.setValue(shown);
    s.addWidget(input);
  }
  s.addWidget(
    dropdown('approverEmails', 'Approvers hear of signatures', current?.approverEmails ?? 'daily', [
      ['daily', 'One digest a day'],
      ['each', 'An email for each signature'],
    ]),
  );
  s.addWidget(
    dropdown('weekendEmails', 'Emails at weekends', current?.weekendEmails ? 'yes' : 'no', [
      ['no', 'No: Monday to Friday only'],
      ['yes', 'Yes: every day'],
    ]),
  );
  s.addWidget(
    CardService.newButtonSet()
      .addButton(
        actionButton('Save settings', CardService.newAction().setFunctionName('onSaveSettings'), true),
      )
      .addButton(
        actionButton('Check deployment', CardService.newAction().setFunctionName('onCheckDeployment')),
      ),
  );
  return CardService.newCardBuilder()
    .setName('settings')
    .setHeader(CardService.newCardHeader().setTitle('AUP Signer settings'))
    .addSection(s)
    .build();
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
