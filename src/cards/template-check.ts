import { capLines, MAX_CARD_LINES } from '../core/pages';
import { actionButton, linkButton, text } from './widgets';

/** What the template check reported (from the server's setup answer). */
export interface Report {
  found: string[];
  problems: string[];
}

/**
 * The template check after saving the settings: what was found (blocks and fields, placeholders,
 * staff-type clauses, the agreement wording), what was not and how to fix it, with Prepare
 * template and Done.
 */
export function templateCheckCard(report: Report, preparedUrl = ''): GoogleAppsScript.Card_Service.Card {
  const found = CardService.newCardSection().setHeader('Found in your template');
  const more = (n: number) => `…and ${n} more.`;
  for (const f of capLines(
    report.found.length ? report.found : ['Nothing recognisable.'],
    MAX_CARD_LINES,
    more,
  ))
    found.addWidget(text(f));
  const card = CardService.newCardBuilder()
    .setName('template-check')
    .setHeader(CardService.newCardHeader().setTitle('Template check'))
    .addSection(found);
  if (report.problems.length) {
    const fix = CardService.newCardSection().setHeader('To fix');
    for (const p of capLines(report.problems, MAX_CARD_LINES, more)) fix.addWidget(text(p));
    card.addSection(fix);
  }
  const actions = CardService.newButtonSet()
    .addButton(actionButton('Done', CardService.newAction().setFunctionName('onDone'), true))
    .addButton(
      actionButton('Prepare template', CardService.newAction().setFunctionName('onPrepareTemplate')),
    );
  if (preparedUrl) actions.addButton(linkButton('Open prepared copy', preparedUrl));
  const next = CardService.newCardSection()
    .setHeader('Next steps')
    .addWidget(text('1. Check deployment: that the web app, the triggers and the Admin SDK are ready.'))
    .addWidget(
      text('2. Add your staff: paste them into the Staff sheet, or add them one by one from the homepage.'),
    )
    .addWidget(text('3. Send invitations, from the homepage: everyone is emailed their own copy to sign.'))
    .addWidget(
      CardService.newButtonSet().addButton(
        actionButton('Check deployment', CardService.newAction().setFunctionName('onCheckDeployment')),
      ),
    );
  return card.addSection(next).addSection(CardService.newCardSection().addWidget(actions)).build();
}
