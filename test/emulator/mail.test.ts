import {
  createMailApp,
  MAIL_QUOTA_MESSAGE,
  mailQuotaDay,
  remainingMailQuota,
} from '../../emulator/services/mail';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

describe('MailApp', () => {
  it('sendEmail(recipient, subject, body) records the message sent as the effective user at clock time', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const before = ws.clock.now();
    createMailApp(exec).sendEmail(TEACHER, 'Please sign', 'Hello');
    expect(ws.sentMail).toHaveLength(1);
    const mail = ws.sentMail[0]!;
    expect(mail).toMatchObject({
      sender: BM,
      senderName: 'Bea Manager',
      to: [TEACHER],
      cc: [],
      bcc: [],
      subject: 'Please sign',
      body: 'Hello',
      htmlBody: '',
    });
    expect(mail.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(mail.threadId).toBe(mail.id);
    expect(mail.sentAt).toBeGreaterThan(before);
    expect(mail.sentAt).toBe(ws.clock.now());
  });

  it('sendEmail with options records htmlBody, name, replyTo, cc and bcc', () => {
    const ws = newWorkspace();
    createMailApp(newExec(ws)).sendEmail(TEACHER, 'S', 'plain', {
      htmlBody: '<b>html</b>',
      name: 'AUP Signer',
      replyTo: 'office@school.example',
      cc: 'a@school.example, Bob <b@example.org>',
      bcc: 'c@example.org',
    });
    expect(ws.sentMail[0]).toMatchObject({
      senderName: 'AUP Signer',
      replyTo: 'office@school.example',
      cc: ['a@school.example', 'b@example.org'],
      bcc: ['c@example.org'],
      htmlBody: '<b>html</b>',
      body: 'plain',
    });
  });

  it('sendEmail(message) takes a message object and sendEmail(to, replyTo, subject, body) four strings', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    mail.sendEmail({ to: TEACHER, subject: 'Obj', body: 'b1', htmlBody: '<p>b1</p>', noReply: true });
    mail.sendEmail(TEACHER, 'reply@school.example', 'Four', 'b2');
    expect(ws.sentMail.map((m) => [m.subject, m.body, m.htmlBody, m.replyTo])).toEqual([
      ['Obj', 'b1', '<p>b1</p>', ''],
      ['Four', 'b2', '', 'reply@school.example'],
    ]);
  });

  it('every recipient in to, cc and bcc counts against the daily quota', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    expect(mail.getRemainingDailyQuota()).toBe(1500);
    mail.sendEmail(TEACHER, 'S', 'B', { cc: 'x@example.org', bcc: 'y@example.org' });
    expect(mail.getRemainingDailyQuota()).toBe(1497);
    expect(ws.mailQuotaUsed.get(`${BM}|2026-09-01`)).toBe(3);
  });

  it('a Workspace account may mail 1,500 recipients a day and any other account 100', () => {
    const ws = newWorkspace();
    ws.addExternal('parent@example.org');
    expect(remainingMailQuota(ws, BM)).toBe(1500);
    expect(remainingMailQuota(ws, 'parent@example.org')).toBe(100);
  });

  it("past the quota sendEmail throws Apps Script's message and sends nothing", () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    ws.mailQuotaUsed.set(`${BM}|2026-09-01`, 1499);
    expect(() => mail.sendEmail(TEACHER, 'S', 'B', { cc: 'x@example.org' })).toThrow(
      new Error(MAIL_QUOTA_MESSAGE),
    );
    expect(ws.sentMail).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail(TEACHER, 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail(TEACHER, 'S', 'B')).toThrow(new Error(MAIL_QUOTA_MESSAGE));
    expect(ws.sentMail).toHaveLength(1);
  });

  it('the quota resets at midnight Pacific time, not at midnight in the script time zone', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    ws.mailQuotaUsed.set(`${BM}|2026-09-01`, 1500);
    ws.clock.advanceTo(new Date('2026-09-02T06:59:00Z'));
    expect(mailQuotaDay(ws.clock.now())).toBe('2026-09-01');
    expect(() => mail.sendEmail(TEACHER, 'S', 'B')).toThrow(new Error(MAIL_QUOTA_MESSAGE));
    ws.clock.advanceTo(new Date('2026-09-02T07:00:00Z'));
    mail.sendEmail(TEACHER, 'S', 'B');
    expect(ws.sentMail).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(1499);
  });

  it('an invalid address throws "Invalid email: X" and sends nothing', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow(
      new Error('Invalid email: not-an-address'),
    );
    expect(() => mail.sendEmail(TEACHER, 'S', 'B', { cc: 'ok@example.org, bad@' })).toThrow(
      new Error('Invalid email: bad@'),
    );
    expect(ws.sentMail).toHaveLength(0);
  });

  it('no recipient throws "Failed to send email: no recipient"', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    expect(() => mail.sendEmail('', 'S', 'B')).toThrow(new Error('Failed to send email: no recipient'));
    expect(() => mail.sendEmail({ subject: 'S', body: 'B' })).toThrow(
      new Error('Failed to send email: no recipient'),
    );
    expect(ws.sentMail).toHaveLength(0);
  });

  it('a subject over 250 characters throws "Argument too large: subject"', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    mail.sendEmail(TEACHER, 'x'.repeat(250), 'B');
    expect(() => mail.sendEmail(TEACHER, 'x'.repeat(251), 'B')).toThrow(
      new Error('Argument too large: subject'),
    );
    expect(ws.sentMail).toHaveLength(1);
  });

  it('a body or HTML body over 200 KB throws "Argument too large"', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    mail.sendEmail(TEACHER, 'S', 'x'.repeat(200 * 1024));
    expect(() => mail.sendEmail(TEACHER, 'S', 'x'.repeat(200 * 1024 + 1))).toThrow(
      'Argument too large: body',
    );
    expect(() =>
      mail.sendEmail({ to: TEACHER, subject: 'S', body: 'b', htmlBody: 'é'.repeat(110 * 1024) }),
    ).toThrow('Argument too large: htmlBody');
    expect(ws.sentMail).toHaveLength(1);
  });

  it('calls are counted as MailApp.sendEmail and MailApp.getRemainingDailyQuota', () => {
    const ws = newWorkspace();
    const mail = createMailApp(newExec(ws));
    mail.sendEmail(TEACHER, 'S', 'B');
    mail.getRemainingDailyQuota();
    expect(ws.accounting.total('MailApp.sendEmail')).toBe(1);
    expect(ws.accounting.total('MailApp.getRemainingDailyQuota')).toBe(1);
  });
});
