import { Execution } from '../../emulator/core/execution';
import { createUtilities } from '../../emulator/services/utilities';
import type { Config } from '../../src/core/config';
import { newRequest, type SignatureRequest } from '../../src/core/request';
import {
  approvalsDigest,
  completedEmail,
  invitationEmail,
  mailContext,
  overdueDigest,
  reminderEmail,
  returnedEmail,
  signedCopyEmail,
  type MailContext,
} from '../../src/server/emails';
import type { Email } from '../../src/gas/mail';
import { newWorkspace } from '../emulator/support';

beforeAll(() => {
  const exec = new Execution(newWorkspace(), 'editor', 'bm@school.example', 'bm@school.example');
  Object.assign(globalThis, { Utilities: createUtilities(exec) });
});

const config = {
  schoolName: 'Oakfield Primary School',
  policyVersion: '2026-27',
  businessManagers: ['bm@school.example'],
  approvers: ['head@school.example', 'tech@school.example'],
} as Config;

function person(i: number, fields: Partial<SignatureRequest> = {}): SignatureRequest {
  return {
    ...newRequest(
      {
        requestId: `R-00${i}-4f2a`,
        email: `p${i}@school.example`,
        name: `Person Number ${i}`,
        role: 'Teaching Assistant',
        staffType: 'Staff',
        policyVersion: '2026-27',
      },
      new Date('2026-09-15T12:00:00Z'),
    ),
    document: `https://docs.google.com/document/d/doc${i}xxxxxxxx/edit`,
    ...fields,
  };
}

const staff = [
  person(1),
  { ...person(2), email: 'head@school.example', name: 'Alex Okafor', role: 'Headteacher' },
  { ...person(3), email: 'tech@school.example', name: 'Sam Whitfield', role: 'Network Manager' },
  { ...person(4), email: 'bm@school.example', name: 'Priya Raman', role: 'School Business Manager' },
];

/** A mail context on `today` (yyyy-mm-dd) whose people are the staff above. */
function on(today: string): MailContext {
  return { ...mailContext(config, () => staff), today };
}

/** Every word a person reads: subject, both bodies. */
const words = (e: Email): string => `${e.subject}\n${e.text}\n${e.html}`;

describe('emails as a school writes them', () => {
  it('never show a request ID, "Reference:" or "via Gmail"', () => {
    const zoe = person(1, {
      signedAt: new Date('2026-09-02T09:00:00Z'),
      signedVia: 'Gmail',
      status: 'Signed',
    });
    const emails = [
      invitationEmail(on('2026-09-01'), zoe),
      reminderEmail(on('2026-09-20'), zoe, zoe.email, ''),
      approvalsDigest(on('2026-09-03'), 'head@school.example', [zoe]),
    ];
    for (const e of emails) {
      expect(words(e)).not.toMatch(/R-\d|Reference:|via Gmail|via Drive/);
    }
  });

  it('name people, with their role, never by their address', () => {
    const returned = person(1, {
      status: 'Returned',
      notes: 'Returned by head@school.example: please use your full name',
    });
    const e = returnedEmail(on('2026-09-03'), returned, returned.email, '');
    expect(e.text).toContain('Alex Okafor returned your signed copy');
    expect(e.text).toContain('please use your full name');
    expect(words(e)).not.toContain('head@school.example');
    const approved = person(1, {
      status: 'Complete',
      approvedBy: 'tech@school.example',
      systems: 'Email, Wi-Fi',
    });
    const done = completedEmail(on('2026-09-04'), approved, { accountReady: false });
    expect(done.text).toContain('Sam Whitfield has counter-signed');
    expect(done.text).toContain('You have access to Email and Wi-Fi.');
    const digest = approvalsDigest(on('2026-09-03'), 'head@school.example', [
      person(1, { signedAt: new Date('2026-09-02T09:00:00Z') }),
    ]);
    expect(digest.text.startsWith('Dear Alex Okafor,')).toBe(true);
    expect(digest.text).toContain('- Person Number 1 (Teaching Assistant), Staff: signed 2 September 2026');
  });

  it('give the due date in the right tense: "is due by" before it, "was due on" after it', () => {
    const r = person(1);
    const before = reminderEmail(on('2026-09-10'), r, r.email, '');
    expect(before.subject.startsWith('Reminder:')).toBe(true);
    expect(before.text).toContain('is due by 15 September 2026.');
    expect(before.text).not.toContain('was due');
    const onTheDay = reminderEmail(on('2026-09-15'), r, r.email, '');
    expect(onTheDay.text).toContain('is due today (15 September 2026)');
    const after = reminderEmail(on('2026-09-22'), { ...r, status: 'Overdue' }, r.email, '');
    expect(after.subject.startsWith('Overdue:')).toBe(true);
    expect(after.text).toContain('was due on 15 September 2026, and we have not received it yet.');
  });

  it('get plurals right: one and many', () => {
    const one = approvalsDigest(on('2026-09-03'), 'head@school.example', [person(1)]);
    expect(one.subject).toBe('1 AUP awaits your approval');
    const twelve = approvalsDigest(
      on('2026-09-03'),
      'head@school.example',
      Array.from({ length: 12 }, (_, i) => person(10 + i)),
    );
    expect(twelve.subject).toBe('12 AUPs await your approval');
    const overdue = overdueDigest(
      on('2026-09-20'),
      'bm@school.example',
      [person(1, { remindersSent: 1 })],
      1,
    );
    expect(overdue.subject).toBe('AUP overdue: 1 person has not signed');
    expect(overdue.text).toContain('1 reminder sent');
    expect(overdue.text).not.toMatch(/reminder\(s\)|person\(s\)/);
  });

  it('link the main action with a real button in HTML', () => {
    const r = person(1);
    const e = invitationEmail(on('2026-09-01'), r);
    expect(e.html).toContain(`<a href="${r.document}"`);
    expect(e.html).toContain('Read and sign your AUP</a>');
    expect(e.html).not.toMatch(/<p[^>]*>[^<]*https?:\/\//);
  });

  it('say "account ready" only when an account was switched on, and "complete" otherwise', () => {
    const r = person(1, { status: 'Complete', approvedBy: 'head@school.example' });
    const ready = completedEmail(on('2026-09-04'), r, {
      accountReady: true,
      personalEmail: 'zoe@personal.example',
    });
    expect(ready.subject).toBe('Your Oakfield Primary School account is ready');
    expect([ready.to, ready.cc]).toEqual(['zoe@personal.example', r.email]);
    const done = completedEmail(on('2026-09-04'), r, {
      accountReady: false,
      personalEmail: 'zoe@personal.example',
    });
    expect(done.subject).toBe('Your Oakfield Primary School AUP is complete');
    expect([done.to, done.cc]).toEqual([r.email, undefined]);
    expect(done.text).not.toMatch(/account is ready/);
  });

  it("send the signer's copy as a PDF, saying what happens next and who will counter-sign", () => {
    const r = person(1, { signedAt: new Date('2026-09-02T09:00:00Z') });
    const pdf = { getName: () => 'Signed.pdf' } as unknown as GoogleAppsScript.Base.Blob;
    const e = signedCopyEmail(on('2026-09-02'), r, r.email, pdf);
    expect(e.attachments).toEqual([pdf]);
    expect(e.text).toContain('Alex Okafor or Sam Whitfield will counter-sign it');
  });

  it('name at most 300 people in a digest and count the rest, so a trust’s 2,000 stay inside MailApp’s body limit', () => {
    const overdue = Array.from({ length: 2000 }, (_, i) => ({
      ...person(i, {
        name: `Person Number ${i} With A Long Double-Barrelled Name`,
        role: 'Learning Support Assistant (Key Stage 2)',
      }),
      status: 'Overdue' as const,
    }));
    const email = overdueDigest(
      mailContext(config, () => overdue),
      'bm@school.example',
      overdue,
      12,
    );
    expect(email.text.split('\n').filter((l) => l.startsWith('- Person Number'))).toHaveLength(300);
    expect(email.text).toContain('…and 1,700 more: the Signatures sheet lists everyone.');
    expect(email.text.length + email.html.length).toBeLessThan(200 * 1024);
    expect(email.subject).toBe('AUP overdue: 2,000 people have not signed');
  });

  it('name someone with no request of their own from the Staff sheet, read only then', () => {
    let reads = 0;
    const ctx = {
      ...mailContext(
        config,
        () => [person(1)],
        () => {
          reads += 1;
          return [{ email: 'bm@school.example', name: 'Priya Raman', role: 'School Business Manager' }];
        },
      ),
      today: '2026-09-01',
    };
    const invitation = invitationEmail(ctx, person(1));
    expect(reads).toBe(1);
    expect(invitation.text).toContain('Reply to this email to reach Priya Raman.');
    invitationEmail(ctx, person(1));
    expect(reads).toBe(1);
  });
});
