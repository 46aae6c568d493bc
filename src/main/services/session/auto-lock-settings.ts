import { autoLockSettings, DEFAULT_AUTO_LOCK, type AutoLockSettings } from '@shared/domain/protection';
import type { ServiceContext } from '../context';
import { AUTO_LOCK_SETTING_KEY } from '../../vault/vault-auto-lock';
import { readJsonSetting, writeJsonSetting } from './stored-settings';

export function getAutoLockSettings(ctx: ServiceContext): AutoLockSettings {
  return readJsonSetting(ctx.db, AUTO_LOCK_SETTING_KEY, autoLockSettings, DEFAULT_AUTO_LOCK);
}

export function setAutoLockSettings(ctx: ServiceContext, settings: AutoLockSettings): AutoLockSettings {
  writeJsonSetting(ctx.db, AUTO_LOCK_SETTING_KEY, settings);
  return settings;
}
