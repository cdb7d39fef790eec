import { approve, newRequest, recordAccount, sign, type SignatureRequest } from '../../src/core/request';

const at = new Date('2026-09-02T09:00:00Z');
const base = (): SignatureRequest =>
  newRequest(
    {
      requestId: 'R-1',
      email: 'zoe@school.example',
      name: 'Zoë Łukasiewicz',
      role: 'TA',
      staffType: 'Staff',
      policyVersion: '2026-27',
    },
    new Date('2026-09-15T00:00:00Z'),
  );

describe('a signature request’s lifecycle', () => {
  it('starts Invited with no invitation sent yet', () => {
    expect([base().status, base().invitedAt]).toEqual(['Invited', null]);
  });

  it('signs with consent and a matching name, keeping the name as typed', () => {
    const t = sign(base(), { consent: true, typedName: ' zoe  lukasiewicz ', via: 'Drive', at });
    expect(
      t.ok && [t.request.status, t.request.signedVia, t.request.typedSignature, t.request.signedAt],
    ).toEqual(['Signed', 'Drive', 'zoe lukasiewicz', at]);
  });

  it('refuses a second signature, so a retry signs once', () => {
    const t = sign(base(), { consent: true, typedName: 'Zoë Łukasiewicz', via: 'Gmail', at });
    if (!t.ok) throw new Error(t.message);
    const again = sign(t.request, { consent: true, typedName: 'Zoë Łukasiewicz', via: 'Gmail', at });
    expect(!again.ok && again.code).toBe('already-signed');
  });

  it('refuses a Superseded request', () => {
    const t = sign(
      { ...base(), status: 'Superseded' },
      { consent: true, typedName: 'Zoë Łukasiewicz', via: 'Gmail', at },
    );
    expect(!t.ok && t.code).toBe('not-open');
  });

  it('lets a Returned request be signed again', () => {
    const t = sign(
      { ...base(), status: 'Returned' },
      { consent: true, typedName: 'Zoë Łukasiewicz', via: 'Form', at },
    );
    expect(t.ok && t.request.status).toBe('Signed');
  });

  it('approves only Signed requests, never the approver’s own', () => {
    const signed = { ...base(), status: 'Signed' as const };
    expect(approve(base(), { approver: 'head@school.example', systems: [], permissions: '', at }).ok).toBe(
      false,
    );
    const own = approve(signed, { approver: 'zoe@school.example', systems: [], permissions: '', at });
    expect(!own.ok && own.code).toBe('own-request');
    const ok = approve(signed, {
      approver: 'head@school.example',
      systems: ['Email', 'MIS'],
      permissions: ' admin ',
      at,
    });
    expect(ok.ok && [ok.request.status, ok.request.systems, ok.request.permissions]).toEqual([
      'Approved',
      'Email, MIS',
      'admin',
    ]);
  });

  it('completes when the account is Active, stays Approved with the reason otherwise', () => {
    const approved = { ...base(), status: 'Approved' as const };
    const done = recordAccount(approved, 'Active', 'Account enabled.');
    expect(done.ok && [done.request.status, done.request.account]).toEqual(['Complete', 'Active']);
    const waiting = recordAccount(approved, 'Pending admin', 'Waiting for an administrator.');
    expect(waiting.ok && [waiting.request.status, waiting.request.notes]).toEqual([
      'Approved',
      'Waiting for an administrator.',
    ]);
    expect(recordAccount(base(), 'Active', '').ok).toBe(false);
  });
});

describe('the counter-signature grants systems', () => {
  it('is refused with none ticked, saying what to do', () => {
    const signed = {
      ...newRequest(
        {
          requestId: 'R-9',
          email: 'zoe@school.example',
          name: 'Zoë',
          role: 'TA',
          staffType: 'Staff',
          policyVersion: 'v1',
        },
        new Date('2026-09-15T00:00:00Z'),
      ),
      status: 'Signed' as const,
    };
    const t = approve(signed, {
      approver: 'head@school.example',
      systems: [],
      permissions: '',
      at: new Date(),
    });
    expect(t).toMatchObject({
      ok: false,
      code: 'no-systems',
      message: 'Tick the systems to grant Zoë, or return their AUP.',
    });
  });
});
