import { documentText } from '../../emulator/services/document/io';
import { rowOf, sampleSchool } from './support';

const ZOE = 'zoe.lukasiewicz@school.example';

describe('forking a host', () => {
  it('runs the same action from the same moment, leaving the original as it was', async () => {
    const school = await sampleSchool();
    const fork = school.host.fork();
    const sign = (host: typeof fork) => {
      const zoe = host.as(ZOE);
      zoe.openHomepage('GMAIL');
      return zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' }).notification;
    };
    expect(sign(fork)).toMatch(/^Signed/);
    expect(rowOf(school, ZOE).Status).toBe('Invited');
    expect(rowOf({ host: fork, config: school.config }, ZOE).Status).toBe('Signed');
    expect(sign(school.host)).toMatch(/^Signed/);
    const doc = (host: typeof fork) =>
      documentText(
        host.ws,
        String(rowOf({ host, config: school.config }, ZOE).Document).match(/\/d\/([^/]+)/)![1]!,
      );
    expect(doc(fork)).toBe(doc(school.host));
    expect(fork.ws.sentMail.length).toBe(school.host.ws.sentMail.length);
    expect(fork.ws.clock.now()).toBe(school.host.ws.clock.now());
  });
});
