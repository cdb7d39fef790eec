import { signByForm } from '../../../emulator/cli/scenario';
import type { Host } from '../../../emulator/host/host';
import type { Config } from '../../../src/core/config';
import { CONFIG_KEY } from '../../../src/gas/config-store';
import { describeSweeps, OLA, smallSchool } from './support';

/** Ola, a new starter, submits the Form from her invitation's link (she does not know if it failed). */
function submit(host: Host): void {
  const config = JSON.parse(host.ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;
  signByForm(host, config, OLA);
}

describeSweeps(
  'signing through the Form',
  () => smallSchool(),
  { act: submit, retry: () => undefined },
  (baseline) => {
    expect(baseline.rows).toContainEqual(
      expect.stringMatching(
        /^ola\.adeyemi@school\.example \| 2026-27 \| Signed \| .* \| Form \| .* \| doc \| sha \| pdf$/,
      ),
    );
  },
);
