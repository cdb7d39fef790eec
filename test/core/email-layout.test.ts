import { renderEmail } from '../../src/core/email-layout';

describe('one template for the plain-text and HTML parts', () => {
  const email = renderEmail({
    greeting: 'Dear Zoë Łukasiewicz,',
    paragraphs: ['Please read & sign <by Friday>.'],
    list: ['Email', 'Wi-Fi'],
    button: { label: 'Read and sign your AUP', url: 'https://docs.google.com/document/d/abc/edit?a=1&b=2' },
    schoolName: 'Oakfield Primary School',
    replyName: 'Priya Raman',
  });

  it('links the action with a real anchor in HTML, its address escaped, and gives it on its own line in text', () => {
    expect(email.html).toContain('<a href="https://docs.google.com/document/d/abc/edit?a=1&#38;b=2"');
    expect(email.html).toContain('>Read and sign your AUP</a>');
    expect(email.text).toContain(
      'Read and sign your AUP: https://docs.google.com/document/d/abc/edit?a=1&b=2',
    );
  });

  it('says the same words in both parts, escaped in HTML', () => {
    expect(email.text).toContain('Please read & sign <by Friday>.');
    expect(email.html).toContain('Please read &#38; sign &#60;by Friday&#62;.');
    expect(email.text).toContain('- Email\n- Wi-Fi');
    expect(email.html).toContain('<li>Email</li><li>Wi-Fi</li>');
  });

  it('ends with who sent it and whom a reply reaches, by name', () => {
    const footer =
      'Sent by AUP Signer for Oakfield Primary School. Questions? Reply to this email to reach Priya Raman.';
    expect(email.text.endsWith(footer)).toBe(true);
    expect(email.html).toContain(footer);
  });
});
