import { manifestFunctions, namesPassedByString, readBundle, readManifest, topLevelFunctions } from './bundle';

/**
 * Apps Script calls functions by name and finds only top-level function declarations of
 * build/Code.js: every name the manifest, Action.setFunctionName or ScriptApp.newTrigger hands
 * it must be one.
 */
describe('build/Code.js entry points', () => {
  const code = readBundle();
  const declared = topLevelFunctions(code);
  const manifest = readManifest();

  it('declares every function the manifest names', () => {
    const missing = [...manifestFunctions(manifest)].filter((n) => !declared.has(n));
    expect(missing).toEqual([]);
  });

  it('declares every function the code passes to setFunctionName or newTrigger', () => {
    const { names, nonLiteral } = namesPassedByString(code);
    expect(nonLiteral).toEqual([]);
    expect(names.size).toBeGreaterThan(0);
    const missing = [...names].filter((n) => !declared.has(n));
    expect(missing).toEqual([]);
  });

  it('declares doPost, since the manifest deploys a web app', () => {
    expect(manifest.webapp).toBeDefined();
    expect(declared.has('doPost')).toBe(true);
  });

  it('finds a missing stub and names it', () => {
    const without = code.replace(/^function onSign\(\) \{[\s\S]*?^\}\n/m, '');
    expect(without).not.toEqual(code);
    const names = topLevelFunctions(without);
    const missing = [...namesPassedByString(without).names].filter((n) => !names.has(n));
    expect(missing).toEqual(['onSign']);
  });
});
