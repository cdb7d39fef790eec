import type { CheckLine } from '../server/api';
import { actionButton, esc } from './widgets';

const MARK: Record<CheckLine['status'], string> = { ok: '✓', fix: '✗', info: 'ℹ' };

/** Check deployment as text, a line each ("✓ Label: detail"), for the editor's function. */
export function checkText(lines: readonly CheckLine[]): string {
  return lines.map((l) => `${MARK[l.status]} ${l.label}: ${l.detail}`).join('\n');
}

/** The Check deployment card: each line with ✓, ✗ (saying what to do) or ℹ, then Check again and Done. */
export function checkCard(lines: readonly CheckLine[]): GoogleAppsScript.Card_Service.Card {
  const fixes = lines.filter((l) => l.status === 'fix').length;
  const s = CardService.newCardSection().setHeader(fixes ? `${fixes} to fix` : 'All good');
  for (const l of lines) {
    s.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(esc(l.label))
        .setText(`${MARK[l.status]} ${esc(l.detail)}`)
        .setWrapText(true),
    );
  }
  s.addWidget(
    CardService.newButtonSet()
      .addButton(
        actionButton(
          'Check again',
          CardService.newAction().setFunctionName('onCheckDeployment').setParameters({ again: '1' }),
          true,
        ),
      )
      .addButton(actionButton('Done', CardService.newAction().setFunctionName('onDone'))),
  );
  return CardService.newCardBuilder()
    .setName('check-deployment')
    .setHeader(CardService.newCardHeader().setTitle('Check deployment'))
    .addSection(s)
    .build();
}
