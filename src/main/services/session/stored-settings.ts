/** Kept for existing imports: the helpers live in db/ so the vault layer can read a setting too. */
export { readJsonSetting, writeJsonSetting } from '../../db/json-settings';
