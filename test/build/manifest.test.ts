import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { globalsNamed, readBundle, readManifest } from './bundle';
import schema from './appsscript.schema.json';

const AUTH = 'https://www.googleapis.com/auth/';

/**
 * The OAuth scope each Apps Script service needs (developers.google.com/apps-script/concepts/scopes
 * and each service's reference page, "Authorization" section), keyed by how the bundle calls it.
 */
const SCOPE_OF_SERVICE: [RegExp, string][] = [
  [/\bMailApp\./, `${AUTH}script.send_mail`],
  [/\bSpreadsheetApp\./, `${AUTH}spreadsheets`],
  [/\bDocumentApp\./, `${AUTH}documents`],
  [/\bDriveApp\./, `${AUTH}drive`],
  [/\bDrive\.Permissions\b/, `${AUTH}drive`],
  [/\bFormApp\./, `${AUTH}forms`],
  [/\bScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)\b/, `${AUTH}script.scriptapp`],
  [/\bUrlFetchApp\./, `${AUTH}script.external_request`],
  [/\bAdminDirectory\b/, `${AUTH}admin.directory.user`],
  [/\.Members\.list\b|\bMembers\)\.list\b/, `${AUTH}admin.directory.group.member.readonly`],
  [/\bSession\.get(Active|Effective)User\b/, `${AUTH}userinfo.email`],
  [/\bGmailApp\./, `${AUTH}gmail.addons.current.message.readonly`],
];

/** Scopes the manifest's add-on sections need (developers.google.com/workspace/add-ons/concepts/workspace-scopes). */
function hostScopes(manifest: Record<string, unknown>): string[] {
  const addOns = manifest.addOns as Record<string, unknown>;
  const common = addOns.common as Record<string, unknown>;
  return [
    addOns.gmail ? `${AUTH}gmail.addons.execute` : '',
    addOns.drive ? `${AUTH}drive.addons.metadata.readonly` : '',
    common.useLocaleFromApp ? `${AUTH}script.locale` : '',
  ].filter(Boolean);
}

describe('appsscript.json', () => {
  const manifest = readManifest();

  it('is valid against the manifest schema', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('the schema rejects what Apps Script would refuse', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const noLogo = structuredClone(manifest) as { addOns: { common: Record<string, unknown> } };
    delete noLogo.addOns.common.logoUrl;
    expect(validate(noLogo)).toBe(false);
    expect(validate({ ...manifest, runtimeVersion: 'DEPRECATED_ES5' })).toBe(false);
    expect(validate({ ...manifest, addOns: { ...(manifest.addOns as object), gmial: {} } })).toBe(false);
  });

  it('runs on V8 in Europe/London with the Admin SDK Directory and Drive API advanced services', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/London');
    const enabled = (manifest.dependencies as { enabledAdvancedServices: unknown[] }).enabledAdvancedServices;
    expect(enabled).toContainEqual({ userSymbol: 'AdminDirectory', serviceId: 'admin', version: 'directory_v1' });
    expect(enabled).toContainEqual({ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' });
    expect(enabled).toContainEqual({ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' });
  });

  it('enables every advanced service the bundle names (an advanced service not enabled is not defined)', () => {
    const enabled = new Set(
      ((manifest.dependencies as { enabledAdvancedServices: { userSymbol: string }[] }).enabledAdvancedServices ?? []).map(
        (s) => s.userSymbol,
      ),
    );
    const named = globalsNamed(readBundle(), ['AdminDirectory', 'Drive', 'Docs', 'Gmail', 'Sheets', 'Calendar', 'Forms']);
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((n) => !enabled.has(n))).toEqual([]);
  });

  it('fetches only the web app’s own hosts, both of which the URL allowlist covers', () => {
    expect(manifest.urlFetchWhitelist).toEqual(['https://script.google.com/', 'https://script.googleusercontent.com/']);
  });

  it('lists exactly the scopes the bundle and its host apps use, no more', () => {
    const code = readBundle();
    const needed = new Set([
      ...SCOPE_OF_SERVICE.filter(([re]) => re.test(code)).map(([, scope]) => scope),
      ...hostScopes(manifest),
    ]);
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([...needed].sort());
  });

  it('sends mail with MailApp, never with the full Gmail scope', () => {
    const scopes = manifest.oauthScopes as string[];
    expect(scopes).toContain(`${AUTH}script.send_mail`);
    expect(scopes).not.toContain('https://mail.google.com/');
    expect(scopes.filter((s) => /gmail\.(send|modify|compose)/.test(s))).toEqual([]);
  });
});
