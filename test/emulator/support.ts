import { Execution, type ExecutionKind } from '../../emulator/core/execution';
import { Workspace } from '../../emulator/core/workspace';

/** The domain every emulator test runs in. */
export const DOMAIN = 'school.example';

/** A Workspace at 09:00 on 1 September 2026 with a business manager (admin) and a teacher. */
export function newWorkspace(): Workspace {
  const ws = new Workspace(DOMAIN, new Date('2026-09-01T08:00:00Z'));
  ws.addUser({ email: `bm@${DOMAIN}`, name: 'Bea Manager', admin: true });
  ws.addUser({ email: `teacher@${DOMAIN}`, name: 'Tom Teacher' });
  return ws;
}

/** An execution in `ws` run by `user` (business manager by default). */
export function newExec(ws: Workspace, user = `bm@${DOMAIN}`, kind: ExecutionKind = 'editor'): Execution {
  return new Execution(ws, kind, user, user);
}
