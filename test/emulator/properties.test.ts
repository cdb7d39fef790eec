import {
  createPropertiesService,
  MAX_PROPERTY_VALUE_BYTES,
  PROPERTY_QUOTA_MESSAGE,
} from '../../emulator/services/properties';
import { DOMAIN, newExec, newWorkspace } from './support';

const TEACHER = `teacher@${DOMAIN}`;

describe('PropertiesService', () => {
  it('getProperty gives null for a missing key and setProperty stores the value as a string', () => {
    const ws = newWorkspace();
    const props = createPropertiesService(newExec(ws)).getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('n', 42 as unknown as string).setProperty('flag', true as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('flag')).toBe('true');
    expect(ws.scriptProperties.get('n')).toBe('42');
  });

  it('setProperties merges, and with deleteAllOthers replaces the whole store', () => {
    const ws = newWorkspace();
    const props = createPropertiesService(newExec(ws)).getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ b: '3', c: '4' });
    expect(props.getProperties()).toEqual({ a: '1', b: '3', c: '4' });
    props.setProperties({ z: '9' }, true);
    expect(props.getProperties()).toEqual({ z: '9' });
    expect(props.getKeys()).toEqual(['z']);
  });

  it('deleteProperty removes one key and deleteAllProperties all of them', () => {
    const ws = newWorkspace();
    const props = createPropertiesService(newExec(ws)).getScriptProperties();
    props.setProperties({ a: '1', b: '2', c: '3' });
    props.deleteProperty('a');
    expect(props.getKeys().sort()).toEqual(['b', 'c']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('script properties are shared by all users; user properties belong to each user', () => {
    const ws = newWorkspace();
    const bm = createPropertiesService(newExec(ws));
    const teacher = createPropertiesService(newExec(ws, TEACHER));
    bm.getScriptProperties().setProperty('shared', 'yes');
    bm.getUserProperties().setProperty('mine', 'bm');
    expect(teacher.getScriptProperties().getProperty('shared')).toBe('yes');
    expect(teacher.getUserProperties().getProperty('mine')).toBeNull();
    teacher.getUserProperties().setProperty('mine', 'teacher');
    expect(bm.getUserProperties().getProperty('mine')).toBe('bm');
    expect(ws.userProperties.get(TEACHER)?.get('mine')).toBe('teacher');
  });

  it('getDocumentProperties is null in a Workspace add-on', () => {
    expect(createPropertiesService(newExec(newWorkspace())).getDocumentProperties()).toBeNull();
  });

  it('a value over 9 KB throws "Argument too large: value" and is not stored', () => {
    const ws = newWorkspace();
    const props = createPropertiesService(newExec(ws)).getScriptProperties();
    props.setProperty('max', 'x'.repeat(MAX_PROPERTY_VALUE_BYTES));
    expect(() => props.setProperty('big', 'x'.repeat(MAX_PROPERTY_VALUE_BYTES + 1))).toThrow(
      new Error('Argument too large: value'),
    );
    expect(() => props.setProperty('utf8', 'é'.repeat(4700))).toThrow(new Error('Argument too large: value'));
    expect(props.getKeys()).toEqual(['max']);
  });

  it('a write taking the store past 500 KB throws the storage quota message and changes nothing', () => {
    const ws = newWorkspace();
    const props = createPropertiesService(newExec(ws)).getScriptProperties();
    const chunk = 'x'.repeat(9000);
    const many: Record<string, string> = {};
    for (let i = 0; i < 56; i++) many[`k${String(i).padStart(2, '0')}`] = chunk;
    props.setProperties(many);
    expect(() => props.setProperties({ k98: chunk, k99: chunk })).toThrow(new Error(PROPERTY_QUOTA_MESSAGE));
    expect(props.getKeys()).toHaveLength(56);
    expect(props.getProperty('k98')).toBeNull();
  });

  it('calls are counted as Properties.* and advance the clock by their latency', () => {
    const ws = newWorkspace();
    const props = createPropertiesService(newExec(ws)).getScriptProperties();
    const start = ws.clock.now();
    props.setProperty('a', '1');
    props.getProperty('a');
    expect(ws.accounting.total('Properties.setProperty')).toBe(1);
    expect(ws.accounting.total('Properties.getProperty')).toBe(1);
    expect(ws.clock.now() - start).toBe(62 + 30);
  });
});
