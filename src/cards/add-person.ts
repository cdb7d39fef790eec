import { actionButton, text } from './widgets';

/**
 * The business manager's card to add one person to the Staff sheet: email, name, role, staff
 * type (one of the configured ones) and, for a new starter, their personal email.
 */
export function addPersonCard(staffTypes: readonly string[]): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection();
  s.addWidget(
    text('New starters: give their personal email; their invitation goes there with the form link.'),
  );
  s.addWidget(CardService.newTextInput().setFieldName('email').setTitle('School email'));
  s.addWidget(CardService.newTextInput().setFieldName('name').setTitle('Full name'));
  s.addWidget(CardService.newTextInput().setFieldName('role').setTitle('Role'));
  const type = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName('staffType')
    .setTitle('Staff type');
  staffTypes.forEach((t, i) => type.addItem(t, t, i === 0));
  s.addWidget(type);
  s.addWidget(
    CardService.newTextInput().setFieldName('personalEmail').setTitle('Personal email (new starters only)'),
  );
  s.addWidget(
    CardService.newButtonSet().addButton(
      actionButton('Add to Staff sheet', CardService.newAction().setFunctionName('onAddPerson'), true),
    ),
  );
  return CardService.newCardBuilder()
    .setName('add-person')
    .setHeader(CardService.newCardHeader().setTitle('Add a person'))
    .addSection(s)
    .build();
}
