import { latencyOf } from '../../emulator/core/latency';
import { createConsole, createLogger } from '../../emulator/services/logger';
import { createUtilities } from '../../emulator/services/utilities';
import { newExec, newWorkspace } from './support';

describe('Logger and console', () => {
  it('Logger.log(format, values) formats %s placeholders and writes an Info line to the execution log', () => {
    const ws = newWorkspace();
    const logger = createLogger(newExec(ws));
    logger.log('Sent %s reminders to %s', 3, 'staff');
    expect(ws.logs).toEqual(['Info: Sent 3 reminders to staff']);
  });

  it('Logger.log(data) logs objects as JSON and returns the Logger for chaining', () => {
    const ws = newWorkspace();
    const logger = createLogger(newExec(ws));
    logger.log({ a: 1 }).log([1, 'x']);
    expect(ws.logs).toEqual(['Info: {"a":1}', 'Info: [1,"x"]']);
  });

  it("getLog returns this execution's lines and clear empties it", () => {
    const ws = newWorkspace();
    const logger = createLogger(newExec(ws));
    createLogger(newExec(ws)).log('other execution');
    logger.log('one');
    logger.log('two');
    expect(logger.getLog()).toBe('one\ntwo');
    logger.clear();
    expect(logger.getLog()).toBe('');
    expect(ws.logs).toHaveLength(3);
  });

  it('console.log, info, warn and error write lines at their levels', () => {
    const ws = newWorkspace();
    const c = createConsole(newExec(ws));
    c.log('plain %s', 'x');
    c.info('info', 2);
    c.warn('careful');
    c.error('failed:', { code: 1 });
    expect(ws.logs).toEqual([
      'Info: plain x',
      'Info: info 2',
      'Warning: careful',
      'Error: failed: {"code":1}',
    ]);
  });

  it('console.time and timeEnd measure modelled time', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const c = createConsole(exec);
    c.time('job');
    createUtilities(exec).sleep(1500);
    c.timeEnd('job');
    expect(ws.logs).toEqual([`Info: job: ${1500 + latencyOf('console.timeEnd')}ms`]);
  });

  it('calls are counted as Logger.log and console.log', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    createLogger(exec).log('a');
    createConsole(exec).log('b');
    expect(ws.accounting.total('Logger.log')).toBe(1);
    expect(ws.accounting.total('console.log')).toBe(1);
  });
});
