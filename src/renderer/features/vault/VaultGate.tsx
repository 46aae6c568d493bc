import { Alert, Button, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MethodInput, VaultStatus } from '@shared/api/contract';
import { call, lockOnExit, onLocked } from '../../api/client';
import { useRefreshOnDataChanged } from '../../api/use-api';
import { errorMessage } from '../../lib/form-errors';
import { CreateVaultScreen } from './CreateVaultScreen';
import { DamagedVaultScreen } from './DamagedVaultScreen';
import { NewPassphraseScreen } from './NewPassphraseScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { UnlockScreen } from './UnlockScreen';
import { useSessionWatch } from './useSessionWatch';
import { VaultContext, type VaultContextValue } from './vault-context';

const AUTO_LOCK_NOTICE_ID = 'auto-lock-warning';

/** Main pushes this a minute before an idle lock: one notice, with a way to stay unlocked. */
function showAutoLockWarning(secondsLeft: number): void {
  notifications.show({
    id: AUTO_LOCK_NOTICE_ID,
    color: 'yellow',
    title: 'Advocate Desk will lock soon',
    message: (
      <>
        The vault locks in about {secondsLeft} seconds because nothing has happened for a while.{' '}
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => {
            notifications.hide(AUTO_LOCK_NOTICE_ID);
            void call('session.activity').catch(() => undefined);
          }}
        >
          Stay unlocked
        </Button>
      </>
    ),
    autoClose: secondsLeft * 1000,
  });
}

function isSameStatus(a: VaultStatus | null, b: VaultStatus): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Shows the app only while the vault is unlocked. It sits inside the router, so locking keeps
 * the current route in the address: after unlocking, the same page renders again. Cached case
 * data is dropped whenever the vault locks; nothing is ever written to browser storage. Leaving
 * the page (reload, close) locks the vault. A lock that happens in main (auto-lock, sleep) is
 * noticed by the session watch and handled exactly like the Lock button. `onUnlocked` runs as an
 * unlock is accepted, before the app renders, so the first screen can ask for its data at once.
 */
export function VaultGate({ children, onUnlocked }: { children: ReactNode; onUnlocked?: () => void }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const statusRef = useRef<VaultStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [demoPassphrase, setDemoPassphrase] = useState<string | null>(null);
  const [hasLockedItself, setHasLockedItself] = useState(false);
  /** True while this window itself is locking (Lock button, switching vaults): not "locked itself". */
  const isLockingRef = useRef(false);

  const acceptStatus = useCallback(
    (next: VaultStatus) => {
      if (next.state !== 'unlocked') queryClient.clear();
      // The 'locked itself' note belongs to the vault that locked, not to one switched to afterwards.
      if (next.state === 'unlocked' || next.path !== statusRef.current?.path) setHasLockedItself(false);
      // Another vault (the demo, a copy, another file): its records share no ids with the last one, so start at its dashboard.
      if (statusRef.current && next.path !== statusRef.current.path) window.location.hash = '#/';
      // A status read that finds nothing new must not re-render the whole app.
      if (isSameStatus(statusRef.current, next)) return;
      // Said once per unlock, and kept on screen until dismissed: old backups were kept, and why.
      if (next.state === 'unlocked' && next.notice && statusRef.current?.state !== 'unlocked') {
        notifications.show({ id: 'vault-notice', title: 'Backups were not pruned', message: next.notice, color: 'orange', autoClose: false });
      }
      const isUnlocking = next.state === 'unlocked' && statusRef.current?.state !== 'unlocked';
      statusRef.current = next;
      if (isUnlocking) onUnlocked?.();
      setStatus(next);
    },
    [queryClient, onUnlocked],
  );

  const refresh = useCallback(async () => {
    try {
      setLoadError(null);
      acceptStatus(await call('vault.status'));
    } catch (failure) {
      setLoadError(failure);
    }
  }, [acceptStatus]);

  /** Main may have locked the vault by itself (its event says so); a failed read is ignored. */
  const checkStatus = useCallback(async () => {
    try {
      const next = await call('vault.status');
      if (!isLockingRef.current && statusRef.current?.state === 'unlocked' && next.state !== 'unlocked') setHasLockedItself(true);
      acceptStatus(next);
    } catch {
      // Leave the app as it is: a passing glitch must not replace the page with an error.
    }
  }, [acceptStatus]);

  useEffect(() => {
    void refresh();
    const stopListening = onLocked(() => {
      queryClient.clear();
      void checkStatus();
    });
    // A reloaded or closed window must not leave the vault open with nobody in front of it.
    window.addEventListener('pagehide', lockOnExit);
    return () => {
      stopListening();
      window.removeEventListener('pagehide', lockOnExit);
    };
  }, [refresh, checkStatus, queryClient]);

  useRefreshOnDataChanged();
  useSessionWatch({ isUnlocked: status?.state === 'unlocked', checkStatus: () => void checkStatus(), onAutoLockWarning: showAutoLockWarning });

  const lock = useCallback(async () => {
    isLockingRef.current = true;
    try {
      acceptStatus(await call('vault.lock'));
    } finally {
      isLockingRef.current = false;
    }
  }, [acceptStatus]);

  const switchTo = useCallback(
    async (target: MethodInput<'vault.use'>) => {
      isLockingRef.current = true;
      try {
        // Lock first and show it, so nothing of the open vault stays on screen or in the cache.
        if (statusRef.current?.state === 'unlocked') acceptStatus(await call('vault.lock'));
        acceptStatus(await call('vault.use', target));
      } finally {
        isLockingRef.current = false;
      }
    },
    [acceptStatus],
  );

  /**
   * One click: main opens the demo (its own vault, made on first use with a generated passphrase
   * kept beside it), and the banner shows that passphrase. A demo made with a chosen passphrase
   * waits on its unlock screen.
   */
  const openDemo = useCallback(async () => {
    if (!statusRef.current?.demoPath) return false;
    const opened = await call('vault.openDemo');
    setDemoPassphrase(opened.passphrase);
    acceptStatus(opened.status);
    return opened.status.state === 'unlocked';
  }, [acceptStatus]);

  const context = useMemo<VaultContextValue | null>(
    () => (status ? { status, lock, switchTo, demoPassphrase: status.isDemo ? demoPassphrase : null } : null),
    [status, lock, switchTo, demoPassphrase],
  );

  if (loadError) {
    return (
      <Center mih="100vh" p="xl">
        <Alert color="red" title="Advocate Desk could not start" maw={480}>
          {errorMessage(loadError)}
          <Button mt="sm" variant="default" size="xs" display="block" onClick={() => void refresh()}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  if (!status || !context) {
    return (
      <Center mih="100vh">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  if (pendingKey) {
    return (
      <RecoveryKeyScreen
        recoveryKey={pendingKey}
        onContinue={() => {
          setPendingKey(null);
          void refresh();
        }}
      />
    );
  }
  switch (status.state) {
    case 'no_vault':
      return <CreateVaultScreen status={status} onOpenDemo={openDemo} onStatus={acceptStatus} onCreated={setPendingKey} />;
    case 'locked':
      return <UnlockScreen status={status} hasLockedItself={hasLockedItself} onOpenDemo={openDemo} onSwitchTo={switchTo} onStatus={acceptStatus} />;
    case 'damaged':
      // Inside the context: restoring a backup from here switches to the restored file.
      return (
        <VaultContext.Provider value={context}>
          <DamagedVaultScreen status={status} onStatus={acceptStatus} />
        </VaultContext.Provider>
      );
    case 'unlocked':
      if (status.needsNewPassphrase) return <NewPassphraseScreen onStatus={acceptStatus} onLock={lock} />;
      return <VaultContext.Provider value={context}>{children}</VaultContext.Provider>;
  }
}
