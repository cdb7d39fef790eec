import { memoryFor, recordsStatus, reviewAction, type PersonRecords } from '../../src/core/retention';
import type { SignatureRequest } from '../../src/core/request';

const KEEP = { keepYears: 6, keepNeverJoinedYears: 1 };
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const request = (status: SignatureRequest['status'], invited = '2026-09-01'): SignatureRequest =>
  ({
    status,
    invitedAt: new Date(`${invited}T10:00:00Z`),
    signedAt: null,
    approvedAt: null,
  }) as SignatureRequest;
const person = (p: Partial<PersonRecords>): PersonRecords => ({
  email: 'a@s',
  name: 'A',
  requests: [request('Complete')],
  memory: { hold: '', noticeSent: '', disposedOn: '' },
  ...p,
});

describe('how long signed records are kept', () => {
  it('keeps current staff and anyone with an open request; counts years from the Leaving Date', () => {
    expect(recordsStatus(person({ staff: { leavingDate: '' } }), KEEP, '2030-01-01', dayOf).keepUntil).toBe(
      '',
    );
    expect(
      recordsStatus(person({ staff: { leavingDate: '2031-01-01' } }), KEEP, '2030-01-01', dayOf).kept,
    ).toBe('on the staff');
    const left = recordsStatus(person({ staff: { leavingDate: '2026-12-31' } }), KEEP, '2027-01-01', dayOf);
    expect(left).toEqual({ kept: 'kept until 2032-12-31', leftOn: '2026-12-31', keepUntil: '2032-12-31' });
    const open = person({
      staff: { leavingDate: '2026-12-31' },
      requests: [request('Complete'), request('Invited')],
    });
    expect(recordsStatus(open, KEEP, '2040-01-01', dayOf)).toMatchObject({
      kept: 'a request is open',
      keepUntil: '',
    });
  });

  it('keeps the records of someone who never joined for their own time, from their last request', () => {
    const never = person({
      requests: [request('Superseded', '2026-09-01'), request('Superseded', '2027-02-10')],
    });
    expect(recordsStatus(never, KEEP, '2027-06-01', dayOf)).toEqual({
      kept: 'kept until 2028-02-10',
      leftOn: '2027-02-10',
      keepUntil: '2028-02-10',
    });
  });

  it('counts nothing without a date, and clears a notice or disposal from before someone came back', () => {
    expect(recordsStatus(person({ requests: [] }), KEEP, '2030-01-01', dayOf)).toEqual({
      kept: 'no date to count from',
      leftOn: '',
      keepUntil: '',
    });
    const memory = { hold: '', noticeSent: '2027-05-01', disposedOn: '2027-06-01' };
    expect(memoryFor(memory, { kept: 'on the staff', leftOn: '', keepUntil: '' }, '')).toEqual({
      hold: '',
      noticeSent: '',
      disposedOn: '',
    });
    const again = { kept: '', leftOn: '2030-03-31', keepUntil: '2036-03-31' };
    expect(memoryFor(memory, again, '2027-05-01')).toEqual({ hold: '', noticeSent: '', disposedOn: '' });
    expect(memoryFor({ ...memory, hold: 'Held' }, again, '2036-03-01')).toEqual({
      hold: 'Held',
      noticeSent: '2036-03-01',
      disposedOn: '',
    });
  });

  it('notifies a month ahead, disposes only after the notice has had a month, never when held or done', () => {
    const s = { kept: '', leftOn: '2020-01-01', keepUntil: '2026-06-15' };
    const none = { hold: '', noticeSent: '', disposedOn: '' };
    expect(reviewAction(s, none, '2026-05-01')).toBe('none');
    expect(reviewAction(s, none, '2026-05-16')).toBe('notify');
    expect(reviewAction(s, none, '2026-07-01')).toBe('notify');
    expect(reviewAction(s, { ...none, noticeSent: '2026-06-01' }, '2026-06-20')).toBe('none');
    expect(reviewAction(s, { ...none, noticeSent: '2026-06-01' }, '2026-06-29')).toBe('dispose');
    expect(reviewAction(s, { ...none, noticeSent: '2026-06-01', hold: 'Held' }, '2026-07-01')).toBe('none');
    expect(
      reviewAction(s, { ...none, noticeSent: '2026-06-01', disposedOn: '2026-07-01' }, '2026-08-01'),
    ).toBe('none');
    expect(reviewAction({ ...s, keepUntil: '' }, none, '2040-01-01')).toBe('none');
  });
});
