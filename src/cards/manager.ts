import { count } from '../core/words';
import type { HomeState } from '../server/api';
import { actionButton, esc, labelled, linkButton, text } from './widgets';

type Section = GoogleAppsScript.Card_Service.CardSection;

/** The Dashboard's figures by label. */
function figures(state: HomeState): (label: string) => number {
  const rows = new Map((state.manager?.dashboard ?? []).map(([k, v]) => [k, v] as const));
  return (label) => Number(rows.get(label) ?? 0);
}

/**
 * The business manager's section: where the cycle stands, as labelled counts (complete, awaiting
 * approval, not yet signed with how many are overdue, returned) with links to the sheet's filter
 * views "Needs chasing" and "This cycle"; the one main action the state
 * calls for (Send invitations while people wait for theirs, then Remind the overdue now, then
 * nothing to do; Send invitations stays among the other buttons, for people added to the Staff
 * sheet since the card was drawn); the roster's problems; and the rest behind buttons, each on its own card
 * (Publish a new version…, Verify someone…) or in Google's own UI (the tracking sheet).
 */
export function managerSection(state: HomeState): Section {
  const s = CardService.newCardSection().setHeader('Business manager');
  const m = state.manager;
  if (!m) return s.addWidget(text('—'));
  const n = figures(state);
  const live = n('Requests') - n('Superseded');
  const notSigned = n('Invited') + n('Overdue') + n('Returned');
  const cycle = new Map(m.dashboard.map(([k, v]) => [k, String(v)] as const));
  s.addWidget(
    labelled(
      `Policy version ${state.policyVersion}`,
      `Opened ${cycle.get('Cycle opened') ?? ''}; the next opens ${cycle.get('Next cycle opens') ?? ''}.`,
    ),
  );
  s.addWidget(
    CardService.newDecoratedText()
      .setTopLabel('Complete')
      .setText(`<b>${n('Complete')} of ${live}</b> (${cycle.get('% complete') ?? '0%'})`),
  );
  s.addWidget(
    CardService.newDecoratedText()
      .setTopLabel('Awaiting approval')
      .setText(`<b>${n('Signed')}</b>`)
      .setBottomLabel(esc(`${n('Approved')} approved, finishing (evidence or account)`)),
  );
  s.addWidget(
    CardService.newDecoratedText()
      .setTopLabel('Not signed yet')
      .setText(`<b>${notSigned}</b>`)
      .setBottomLabel(esc(`${n('Overdue')} overdue, ${n('Returned')} returned to sign again`)),
  );
  if (m.views)
    s.addWidget(
      CardService.newButtonSet()
        .addButton(linkButton('Needs chasing', m.views.needsChasing))
        .addButton(linkButton('This cycle', m.views.thisCycle)),
    );
  for (const p of m.rosterProblems) s.addWidget(text(p));
  if (m.directory !== null) {
    s.addWidget(
      labelled(
        'Staff list from the directory',
        m.directory || 'Not read yet: an administrator installs the daily sync.',
      ),
    );
    s.addWidget(
      CardService.newButtonSet().addButton(
        actionButton('Sync the staff list now', CardService.newAction().setFunctionName('onSyncDirectory')),
      ),
    );
  }
  const main = mainAction(state, n('Overdue'));
  s.addWidget(text(main.say));
  if (main.button) s.addWidget(CardService.newButtonSet().addButton(main.button));
  const more = CardService.newButtonSet();
  if ((m.toInvite ?? 0) === 0)
    more.addButton(
      actionButton('Send invitations', CardService.newAction().setFunctionName('onSendInvitations')),
    );
  s.addWidget(
    more
      .addButton(actionButton('Add a person', CardService.newAction().setFunctionName('onShowAddPerson')))
      .addButton(linkButton('Open the tracking sheet', m.trackingUrl))
      .addButton(actionButton('Verify someone…', CardService.newAction().setFunctionName('onShowVerify')))
      .addButton(
        actionButton(
          'Publish a new version…',
          CardService.newAction().setFunctionName('onShowPublish').setParameters(publishFigures(state)),
        ),
      )
      .addButton(
        actionButton('Check deployment', CardService.newAction().setFunctionName('onCheckDeployment')),
      ),
  );
  return s;
}

/** What the state calls for: a sentence, and the button that does it (none: nothing to do). */
function mainAction(
  state: HomeState,
  overdue: number,
): { say: string; button?: GoogleAppsScript.Card_Service.TextButton } {
  const toInvite = state.manager?.toInvite ?? 0;
  if (toInvite > 0)
    return {
      say: `${count(toInvite, 'person')} on the Staff sheet ${toInvite === 1 ? 'has' : 'have'} not been invited yet.`,
      button: actionButton(
        'Send invitations',
        CardService.newAction().setFunctionName('onSendInvitations'),
        true,
      ),
    };
  if (overdue > 0)
    return {
      say: `Everyone has been invited; ${count(overdue, 'person')} ${overdue === 1 ? 'is' : 'are'} overdue. Reminders go out on their own; you can send them now too.`,
      button: actionButton(
        `Remind the ${overdue} overdue now`,
        CardService.newAction().setFunctionName('onRemindOverdue'),
        true,
      ),
    };
  return {
    say: 'Everyone on the Staff sheet has been invited, and nobody is overdue: nothing to do now. (Added people since? Send invitations asks them too.)',
  };
}

/**
 * What the publish card says of the current version (strings: they travel as the homepage
 * button's parameters, so the card opens without a round trip): the version, its open requests
 * and how many people the new version invites.
 */
function publishFigures(state: HomeState): { version: string; open: string; everyone: string } {
  const n = figures(state);
  const open = n('Invited') + n('Overdue') + n('Returned') + n('Signed') + n('Approved');
  const everyone = n('Requests') - n('Superseded') + (state.manager?.toInvite ?? 0);
  return { version: state.policyVersion, open: String(open), everyone: String(everyone) };
}

/**
 * Publishing a new version, on its own card: what publishing does (`figures`, as the homepage
 * showed them), the new label and template, and, in the fixed footer, Compare, which shows what
 * changed before anything is published ({@link confirmPublishCard}).
 */
export function publishCard(figures: {
  version: string;
  open: number;
  everyone: number;
}): GoogleAppsScript.Card_Service.Card {
  const { version, open, everyone } = figures;
  const s = CardService.newCardSection()
    .addWidget(
      text(
        `A substantive change replaces ${version}: its ${count(open, 'open request')} ${open === 1 ? 'is' : 'are'} superseded, and everyone on the Staff sheet (${count(everyone, 'person')}) is invited to sign the new version. An editorial change is recorded and shared, and nobody signs again. Signatures already complete stay in the records. You see what changed, and choose which it is, before anything is published.`,
      ),
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName('newVersion')
        .setTitle('New version label')
        .setHint('For example 2026-27 v2'),
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName('newTemplate')
        .setTitle('New template (Google Doc link)')
        .setHint('Leave empty to publish the current template again'),
    );
  return CardService.newCardBuilder()
    .setName('publish')
    .setHeader(CardService.newCardHeader().setTitle('Publish a new version'))
    .addSection(s)
    .setFixedFooter(
      CardService.newFixedFooter().setPrimaryButton(
        actionButton(
          'Compare with the current version',
          CardService.newAction()
            .setFunctionName('onComparePublish')
            .setParameters({ everyone: String(everyone) }),
          true,
        ),
      ),
    )
    .build();
}

/** What Compare found, as the confirmation card shows it (strings, from the server's answer). */
export interface Comparison {
  version: string;
  template: string;
  from: string;
  counts: string;
  changes: string[];
  more: number;
  agreementChanged: boolean;
  /** How many people a substantive publication invites. */
  everyone: number;
}

/**
 * The changes from the version in force to the one about to be published, each in plain words
 * (whom a paragraph is for in brackets), then the choice of substantive (everyone re-signs; the
 * only choice when the agreement's wording changed) or editorial (nobody re-signs, everyone is
 * told in one email), and Publish in the fixed footer.
 */
export function confirmPublishCard(c: Comparison): GoogleAppsScript.Card_Service.Card {
  const changes = CardService.newCardSection()
    .setHeader(`What changed since ${c.from}`)
    .addWidget(
      labelled(
        `${c.version} compared with ${c.from}`,
        `${c.counts.charAt(0).toUpperCase()}${c.counts.slice(1)}.`,
      ),
    );
  for (const line of c.changes) changes.addWidget(text(line));
  if (c.more)
    changes.addWidget(text(`…and ${c.more} more: the changes document lists them all once published.`));
  const kind = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.RADIO_BUTTON)
    .setFieldName('kind')
    .setTitle('What kind of change is it?')
    .addItem(`Substantive: everyone signs again (${count(c.everyone, 'person')})`, 'Substantive', true);
  if (!c.agreementChanged)
    kind.addItem(
      'Editorial: recorded and shared, nobody signs again; everyone is told in one email',
      'Editorial',
      false,
    );
  const choice = CardService.newCardSection().addWidget(kind);
  if (c.agreementChanged)
    choice.addWidget(
      text('The agreement people consent to has new wording, so everyone signs this version.'),
    );
  return CardService.newCardBuilder()
    .setName('publish-confirm')
    .setHeader(CardService.newCardHeader().setTitle(`Publish ${c.version}`))
    .addSection(changes)
    .addSection(choice)
    .setFixedFooter(
      CardService.newFixedFooter().setPrimaryButton(
        actionButton(
          `Publish ${c.version}`,
          CardService.newAction()
            .setFunctionName('onPublishVersion')
            .setParameters({ version: c.version, template: c.template }),
          true,
        ),
      ),
    )
    .build();
}

/** Choosing whom to verify: part of their name (or their email), and Verify. */
export function verifyCard(): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection()
    .addWidget(
      text('Checks that a person’s signed copy is exactly what they signed, and that the records agree.'),
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName('evidenceQuery')
        .setTitle('Name or email')
        .setHint('Part of the name is enough'),
    );
  return CardService.newCardBuilder()
    .setName('verify')
    .setHeader(CardService.newCardHeader().setTitle('Verify someone’s AUP'))
    .addSection(s)
    .setFixedFooter(
      CardService.newFixedFooter().setPrimaryButton(
        actionButton('Verify', CardService.newAction().setFunctionName('onVerify'), true),
      ),
    )
    .build();
}

/** A person as a match lists them. */
export interface Match {
  name: string;
  role: string;
  email: string;
  status: string;
  policyVersion: string;
}

/** The people a name matched, each verified with a click. */
export function matchesCard(matches: readonly Match[]): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection().setHeader('Choose the person');
  for (const m of matches) {
    s.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(esc(m.role))
        .setText(`<b>${esc(m.name)}</b>`)
        .setBottomLabel(esc(`${m.status} · ${m.policyVersion}`))
        .setWrapText(true)
        .setOnClickAction(
          CardService.newAction().setFunctionName('onVerify').setParameters({ query: m.email }),
        ),
    );
  }
  return CardService.newCardBuilder()
    .setName('verify-matches')
    .setHeader(CardService.newCardHeader().setTitle('Verify someone’s AUP'))
    .addSection(s)
    .build();
}

/** What Verify found, on a card: the verdict, each finding, and the evidence pack. */
export function verifiedCard(
  name: string,
  email: string,
  verified: boolean,
  findings: readonly string[],
  hold = '',
): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection().addWidget(
    CardService.newTextParagraph().setText(
      verified
        ? `<b>Verified.</b> ${esc(name)}’s signed copy is what they signed.`
        : `<b><font color="#d93025">Not verified.</font></b> Something in ${esc(name)}’s records does not agree.`,
    ),
  );
  for (const f of findings) s.addWidget(text(f));
  const records = CardService.newCardSection().setHeader('Their records');
  if (hold) {
    records.addWidget(labelled('Held', hold));
    records.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          'Release the hold',
          CardService.newAction()
            .setFunctionName('onHoldRecords')
            .setParameters({ query: email, release: 'yes' }),
        ),
      ),
    );
  } else {
    records.addWidget(
      text('Kept by the retention settings, then disposed of. A hold keeps them until you release it.'),
    );
    records.addWidget(
      CardService.newTextInput()
        .setFieldName('holdReason')
        .setTitle('Why hold them')
        .setHint('For example: an investigation'),
    );
    records.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          'Hold their records',
          CardService.newAction().setFunctionName('onHoldRecords').setParameters({ query: email }),
        ),
      ),
    );
  }
  return CardService.newCardBuilder()
    .setName('verified')
    .setHeader(
      CardService.newCardHeader()
        .setTitle(name)
        .setSubtitle(verified ? 'Verified' : 'Not verified'),
    )
    .addSection(s)
    .addSection(records)
    .setFixedFooter(
      CardService.newFixedFooter().setPrimaryButton(
        actionButton(
          'Evidence pack',
          CardService.newAction().setFunctionName('onEvidencePack').setParameters({ query: email }),
        ),
      ),
    )
    .build();
}
