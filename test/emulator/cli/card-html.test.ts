import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardHtml, rich } from '../../../emulator/cli/card-html';
import { cardFiles, chromiumPath } from '../../../emulator/cli/cards';

describe('a card drawn as HTML for its picture', () => {
  it('keeps the formatting Google allows in card text and escapes everything else', () => {
    expect(
      rich('<b>Signed</b> <font color="#d93025">late</font><br><a href="https://x.example/a">link</a>'),
    ).toBe('<b>Signed</b> <font color="#d93025">late</font><br><a href="https://x.example/a">link</a>');
    expect(rich('<script>alert(1)</script> <a href="javascript:x">no</a>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;javascript:x&quot;&gt;no&lt;/a&gt;',
    );
  });

  it('draws the header, each widget, the fixed footer and the toast, and names a widget it does not know', () => {
    const html = cardHtml(
      {
        card: {
          header: { title: 'Oakfield AUP', subtitle: 'Zoë' },
          sections: [
            {
              header: 'Your Acceptable Use Policy',
              widgets: [
                { textParagraph: { text: '<b>Please sign</b>' } },
                {
                  selectionInput: {
                    name: 'consent',
                    type: 'CHECK_BOX',
                    items: [{ text: 'I agree', value: 'a', selected: true }],
                  },
                },
                {
                  textInput: {
                    name: 'typedName',
                    label: 'Type your full name',
                    hintText: 'As the school has it',
                  },
                },
                { chipList: {} },
              ],
            },
          ],
          fixedFooter: { primaryButton: { text: 'Sign' }, secondaryButton: { text: 'Ask a question' } },
        },
        notification: 'Signed.',
      },
      'signer',
    );
    expect(html).toContain('<div class="title">Oakfield AUP</div>');
    expect(html).toContain('<b>Please sign</b>');
    expect(html).toContain('<span class="box on"></span><span>I agree</span>');
    expect(html).toContain('<span class="float">Type your full name</span>');
    expect(html).toContain('<div class="w unknown">chipList</div>');
    expect(html).toMatch(
      /<div class="footer"><span class="button">Ask a question<\/span><span class="button filled">Sign<\/span><\/div>/,
    );
    expect(html).toContain('<div class="toast">Signed.</div>');
  });

  it('says what to do when there are no cards or no Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    expect(() => cardFiles(dir)).toThrow(/run npm start first/);
    mkdirSync(join(dir, 'cards'));
    expect(() => cardFiles(dir)).toThrow(/No card JSON/);
    expect(() => chromiumPath({ CHROMIUM_PATH: join(dir, 'no-chromium') })).toThrow(
      /Chromium not found at .*: install Debian's chromium \(sudo apt-get install chromium\) or set CHROMIUM_PATH\./,
    );
  });
});
