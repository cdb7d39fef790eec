import { createGmailApp, GMAIL_BAD_ID_MESSAGE, GMAIL_NO_TOKEN_MESSAGE } from '../../emulator/services/gmail';
import { createMailApp } from '../../emulator/services/mail';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

function setup() {
  const ws = newWorkspace();
  ws.addUser({ email: `other@${DOMAIN}`, name: 'Olive Other' });
  ws.addUser({ email: `copied@${DOMAIN}`, name: 'Cora Copied' });
  ws.addUser({ email: `hidden@${DOMAIN}`, name: 'Hal Hidden' });
  createMailApp(newExec(ws)).sendEmail(TEACHER, 'AUP 2026', 'Plain text', {
    htmlBody: '<p>HTML</p>',
    cc: `copied@${DOMAIN}`,
    bcc: `hidden@${DOMAIN}`,
  });
  const mail = ws.sentMail[0]!;
  const gmailFor = (user: string) => {
    const gmail = createGmailApp(newExec(ws, user, 'card'));
    gmail.setCurrentMessageAccessToken('token-from-event');
    return gmail;
  };
  return { ws, mail, gmailFor };
}

describe('GmailApp', () => {
  it('getMessageById without setCurrentMessageAccessToken throws Access denied', () => {
    const { ws, mail } = setup();
    const gmail = createGmailApp(newExec(ws, TEACHER, 'card'));
    expect(() => gmail.getMessageById(mail.id)).toThrow(new Error(GMAIL_NO_TOKEN_MESSAGE));
    gmail.setCurrentMessageAccessToken('');
    expect(() => gmail.getMessageById(mail.id)).toThrow(new Error(GMAIL_NO_TOKEN_MESSAGE));
  });

  it('a recipient reads the message: id, subject, from, to, cc, bodies and date', () => {
    const { ws, mail, gmailFor } = setup();
    const message = gmailFor(TEACHER).getMessageById(mail.id);
    expect(message.getId()).toBe(mail.id);
    expect(message.getSubject()).toBe('AUP 2026');
    expect(message.getFrom()).toBe(`Bea Manager <${BM}>`);
    expect(message.getTo()).toBe(TEACHER);
    expect(message.getCc()).toBe(`copied@${DOMAIN}`);
    expect(message.getPlainBody()).toBe('Plain text');
    expect(message.getBody()).toBe('<p>HTML</p>');
    const date = message.getDate();
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect(date.getTime()).toBe(mail.sentAt);
    expect(date).toBeInstanceOf(ws.clock.DateClass);
  });

  it('cc and bcc recipients may open the message, and only the sender sees the bcc list', () => {
    const { mail, gmailFor } = setup();
    expect(gmailFor(`copied@${DOMAIN}`).getMessageById(mail.id).getBcc()).toBe('');
    expect(gmailFor(`hidden@${DOMAIN}`).getMessageById(mail.id).getSubject()).toBe('AUP 2026');
    expect(gmailFor(BM).getMessageById(mail.id).getBcc()).toBe(`hidden@${DOMAIN}`);
  });

  it('a user who neither sent nor received the message cannot open it', () => {
    const { mail, gmailFor } = setup();
    expect(() => gmailFor(`other@${DOMAIN}`).getMessageById(mail.id)).toThrow(
      new Error(GMAIL_BAD_ID_MESSAGE),
    );
  });

  it('an unknown message ID throws', () => {
    const { gmailFor } = setup();
    expect(() => gmailFor(TEACHER).getMessageById('no-such-id')).toThrow(new Error(GMAIL_BAD_ID_MESSAGE));
  });

  it('getBody gives the plain body for a message sent without HTML', () => {
    const { ws, gmailFor } = setup();
    createMailApp(newExec(ws)).sendEmail(TEACHER, 'Plain', 'only text');
    expect(gmailFor(TEACHER).getMessageById(ws.sentMail[1]!.id).getBody()).toBe('only text');
  });

  it('calls are counted as GmailApp.* and GmailMessage.*', () => {
    const { ws, mail, gmailFor } = setup();
    ws.accounting.reset();
    gmailFor(TEACHER).getMessageById(mail.id).getSubject();
    expect(ws.accounting.total('GmailApp.getMessageById')).toBe(1);
    expect(ws.accounting.total('GmailApp.setCurrentMessageAccessToken')).toBe(1);
    expect(ws.accounting.total('GmailMessage.getSubject')).toBe(1);
  });
});
