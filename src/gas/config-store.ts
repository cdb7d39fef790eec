import { parseConfig, type Config } from '../core/config';

/** The Script Properties key holding the configuration (one validated JSON value). */
export const CONFIG_KEY = 'AUP_SIGNER_CONFIG';

/**
 * The stored configuration, or null before setup. @param snapshot Script Properties as this
 * request read them (`getProperties`), to save a read; omitted, the property is read now.
 * @throws when the stored value is corrupt.
 */
export function loadConfig(snapshot?: Readonly<Record<string, string>>): Config | null {
  const json = snapshot
    ? snapshot[CONFIG_KEY]
    : PropertiesService.getScriptProperties().getProperty(CONFIG_KEY);
  return json ? parseConfig(json) : null;
}

/** Stores the configuration. */
export function saveConfig(config: Config): void {
  PropertiesService.getScriptProperties().setProperty(CONFIG_KEY, JSON.stringify(config));
}
