import { Execution } from '../../emulator/core/execution';
import { createUtilities } from '../../emulator/services/utilities';
import type { Config } from '../../src/core/config';
import { newRequest } from '../../src/core/request';
import { overdueDigest } from '../../src/server/emails';
import { newWorkspace } from '../emulator/support';

beforeAll(() => {
  const exec = new Execution(newWorkspace(), 'editor', 'bm@school.example', 'bm@school.example');
  Object.assign(globalThis, { Utilities: createUtilities(exec) });
});

describe('the overdue digest', () => {
  it('names at most 300 people and counts the rest, so a trust’s 2,000 stay inside MailApp’s body limit', () => {
    const overdue = Array.from({ length: 2000 }, (_, i) => ({
      ...newRequest(
        {
          requestId: `R-${i}`,
          email: `p${i}@school.example`,
          name: `Person Number ${i} With A Long Double-Barrelled Name`,
          role: 'Learning Support Assistant (Key Stage 2)',
          staffType: 'Staff',
          policyVersion: '2026-27',
        },
        new Date('2026-09-15T12:00:00Z'),
      ),
      status: 'Overdue' as const,
    }));
    const config = { schoolName: 'Oakfield Primary School', policyVersion: '2026-27' } as Config;
    const email = overdueDigest(config, 'bm@school.example', overdue, 12);
    const lines = email.text.split('\n\n');
    expect(lines.filter((l) => l.startsWith('Person Number'))).toHaveLength(300);
    expect(lines).toContain('…and 1700 more: the Signatures sheet lists everyone.');
    expect(email.text.length + email.html.length).toBeLessThan(200 * 1024);
    expect(email.subject).toBe('AUP overdue: 2000 not yet signed');
  });
});
