import type { HomeState } from '../server/api';
import { count } from '../core/words';
import { actionButton, esc, text } from './widgets';

/**
 * The approver's section: a page of the people whose AUP awaits their counter-signature (name,
 * role, staff type, when signed), each opening a review card; Previous / Next page when there
 * are more than fit (about 20 a page keeps the section far inside Google's 100 widgets), and
 * Approve all on this page, which asks first ({@link confirmApproveAllCard}). A note
 * when approved accounts wait for a directory administrator; the button that installs account
 * enablement only for an approver who may be one (never for one whose approvals showed they are not).
 */
export function approverSection(state: HomeState): GoogleAppsScript.Card_Service.CardSection {
  const q = state.pendingPage;
  const s = CardService.newCardSection().setHeader(`Awaiting your approval (${q.total})`);
  if (state.pendingAccounts) {
    const n = state.pendingAccounts;
    const waiting = `${count(n, 'approved account')} ${n === 1 ? 'waits' : 'wait'} for a directory administrator to switch ${n === 1 ? 'it' : 'them'} on`;
    if (state.directoryAdmin) {
      s.addWidget(
        text(`${waiting}. A directory administrator can have AUP Signer switch them on every hour.`),
      );
      s.addWidget(
        CardService.newButtonSet().addButton(
          actionButton(
            'Switch accounts on hourly',
            CardService.newAction().setFunctionName('onInstallEnablement'),
          ),
        ),
      );
    } else {
      s.addWidget(text(`${waiting}; the business manager is told each day.`));
    }
  }
  if (state.directoryUnread && state.directoryAdmin) {
    s.addWidget(
      text(
        'The staff list comes from the Google directory, and no administrator reads it for AUP Signer yet. If you are a Google Workspace administrator, AUP Signer can read it as you once a day (read-only).',
      ),
    );
    s.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          'Read the staff list daily',
          CardService.newAction().setFunctionName('onInstallDirectorySync'),
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
  if (state.pending.length > 1) {
    s.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          `Approve all on this page (${state.pending.length})`,
          CardService.newAction()
            .setFunctionName('onConfirmApproveAll')
            .setParameters({ page: String(q.page), people: JSON.stringify(pagePeople(state)) }),
        ),
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

/** Someone Approve all on this page lists: who, and the systems Settings tick for their staff type. */
export interface PagePerson {
  requestId: string;
  name: string;
  role: string;
  staffType: string;
  systems: string[];
}

/** The page's people as the confirmation lists them (carried as the button's parameter). */
function pagePeople(state: HomeState): PagePerson[] {
  return state.pending.map((r) => ({
    requestId: r.requestId,
    name: r.name,
    role: r.role,
    staffType: r.staffType,
    systems: state.defaultSystems[r.staffType] ?? [],
  }));
}

/**
 * The confirmation of Approve all on this page: who will be counter-signed, each with the systems
 * Settings tick for their staff type (none ticked: left for one-by-one review), and Approve all in
 * the fixed footer, naming how many. Drawn from what the homepage showed (`people`, carried by
 * the button), so it opens without a round trip; the server decides again what each is approved
 * with, and names anyone it must leave.
 */
export function confirmApproveAllCard(
  page: string,
  people: readonly PagePerson[],
): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection().addWidget(
    text(
      'Each will be counter-signed by you with the systems shown. To change anyone’s systems, go back and review them one by one.',
    ),
  );
  const ready = people.filter((r) => r.systems.length > 0);
  for (const r of people) {
    s.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(esc(`${r.role} · ${r.staffType}`))
        .setText(`<b>${esc(r.name)}</b>`)
        .setBottomLabel(
          esc(
            r.systems.length
              ? r.systems.join(', ')
              : 'No systems ticked for this staff type: review one by one',
          ),
        )
        .setWrapText(true),
    );
  }
  const card = CardService.newCardBuilder()
    .setName('approve-all')
    .setHeader(
      CardService.newCardHeader().setTitle(
        ready.length
          ? `Approve ${count(ready.length, 'AUP')}?`
          : 'Nobody on this page can be approved at once',
      ),
    )
    .addSection(s);
  if (ready.length) {
    card.setFixedFooter(
      CardService.newFixedFooter().setPrimaryButton(
        actionButton(
          `Approve all ${ready.length}`,
          CardService.newAction()
            .setFunctionName('onApproveAll')
            .setParameters({ page, requestIds: ready.map((r) => r.requestId).join(',') }),
          true,
        ),
      ),
    );
  }
  return card.build();
}
