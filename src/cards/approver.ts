import type { HomeState } from '../server/api';
import { actionButton, esc, text } from './widgets';

/**
 * The approver's section: a page of the people whose AUP awaits their counter-signature (name,
 * role, staff type, when signed), each opening a review card; Previous / Next page when there
 * are more than fit (about 20 a page keeps the section far inside Google's 100 widgets). A note
 * when approved accounts wait for a directory administrator, with the button that installs
 * account enablement.
 */
export function approverSection(state: HomeState): GoogleAppsScript.Card_Service.CardSection {
  const q = state.pendingPage;
  const s = CardService.newCardSection().setHeader(`Awaiting your approval (${q.total})`);
  if (state.pendingAccounts) {
    s.addWidget(text(`${state.pendingAccounts} approved account(s) wait for a directory administrator.`));
    s.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          'Enable accounts hourly (directory administrators)',
          CardService.newAction().setFunctionName('onInstallEnablement'),
        ),
      ),
    );
  }
  if (!q.total) return s.addWidget(text('Nothing awaits your approval.'));
  for (const r of state.pending) {
    s.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(esc(`${r.role} · ${r.staffType}`))
        .setText(`<b>${esc(r.name)}</b>`)
        .setBottomLabel(`Signed ${r.signedAt}`)
        .setWrapText(true)
        .setOnClickAction(
          CardService.newAction()
            .setFunctionName('onReview')
            .setParameters({ requestId: r.requestId, page: String(q.page) }),
        ),
    );
  }
  if (q.pages > 1) {
    s.addWidget(text(`Showing ${q.from}–${q.from + state.pending.length - 1} of ${q.total}.`));
    const paging = CardService.newButtonSet();
    const page = (label: string, to: number) =>
      actionButton(
        label,
        CardService.newAction()
          .setFunctionName('onApproverPage')
          .setParameters({ page: String(to) }),
      );
    if (q.page > 0) paging.addButton(page('Previous page', q.page - 1));
    if (q.page < q.pages - 1) paging.addButton(page('Next page', q.page + 1));
    s.addWidget(paging);
  }
  return s;
}
