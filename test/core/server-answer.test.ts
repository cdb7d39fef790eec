import { accessProblem, isExecUrl } from '../../src/core/server-answer';

const EXEC = 'https://script.google.com/a/macros/school.example/s/AKfycbX/exec';
const DEV = 'https://script.google.com/a/macros/school.example/s/AKfycbH/dev';
const page = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body>x</body></html>`;

describe('what a person is told when the web app answers with one of Google’s pages', () => {
  it('JSON is no problem', () => {
    expect(accessProblem(200, '{"ok":true}', EXEC)).toBeUndefined();
  });
  it.each<[number, string, string, RegExp]>([
    [200, page('Meet Google Drive – One place for all your files'), EXEC, /asked you to sign in/],
    [401, page('Unauthorized'), EXEC, /did not accept your sign-in \(HTTP 401\)/],
    [403, page('Google Drive - Access Denied'), EXEC, /script project must be shared with your school/],
    [404, page('Google Drive -- Page Not Found'), EXEC, /was not found \(HTTP 404\)/],
    [
      404,
      page('Google Drive -- Page Not Found'),
      DEV,
      /test \(\/dev\) web-app URL, which only the script's editors can open/,
    ],
    [
      200,
      page('Error') + 'ReferenceError: Drive is not defined',
      EXEC,
      /^AUP Signer's web app failed: .*ReferenceError: Drive is not defined/,
    ],
    [500, 'oops', EXEC, /answered HTTP 500/],
  ])('HTTP %i %s…', (code, text, url, expected) => {
    const problem = accessProblem(code, text, url) ?? '';
    expect(problem).toMatch(expected);
    if (code !== 200 || !/failed/.test(problem))
      expect(problem).toMatch(/Ask whoever deployed AUP Signer to open Check deployment\.$/);
  });
  it('knows a versioned /exec URL from a /dev one', () => {
    expect(isExecUrl(EXEC)).toBe(true);
    expect(isExecUrl('https://script.google.com/macros/s/AKfycbX/exec')).toBe(true);
    expect(isExecUrl(DEV)).toBe(false);
    expect(isExecUrl('https://evil.example/s/AKfycbX/exec')).toBe(false);
  });
});
