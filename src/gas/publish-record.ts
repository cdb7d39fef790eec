import type { AssetProgress } from '../server/provision';

/** Script Properties key: the policy version being published, and what it has made so far. */
export const PUBLISH_KEY = 'AUP_SIGNER_PUBLISH';

/**
 * A publication under way (DESIGN.md §8): recorded with the new configuration in one write, then
 * carried on step by step (the old version's requests superseded, the version's copy and Form
 * made, invitations) by whichever run comes next when the one that started it stops.
 */
export interface Publishing {
  version: string;
  /** The version it replaces. */
  from: string;
  /** The replaced version's Form, closed and its trigger removed. */
  fromFormId: string;
  templateDocId: string;
  /** Substantive: everyone re-signs; Editorial: recorded and shared, nobody re-signs (absent: Substantive). */
  kind?: 'Substantive' | 'Editorial';
  actor: string;
  /** When it was recorded (ms). */
  at: number;
  /** The version's copy and Form as far as they are made, and its record (the Versions sheet). */
  made: AssetProgress & { templateCopy?: string; changes?: string };
  /** Until when (ms) the run carrying it on holds it. */
  leaseUntil: number;
  /** How many runs have started on it. */
  attempts: number;
  /** Not to be carried on before this (ms): the back-off after runs that stopped. */
  retryAt?: number;
}

/**
 * The publication under way, if any. @param snapshot Script Properties as this request read them,
 * to save a read; omitted, the property is read now.
 */
export function readPublishing(snapshot?: Readonly<Record<string, string>>): Publishing | undefined {
  const json = snapshot
    ? snapshot[PUBLISH_KEY]
    : PropertiesService.getScriptProperties().getProperty(PUBLISH_KEY);
  return json ? (JSON.parse(json) as Publishing) : undefined;
}
