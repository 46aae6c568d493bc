import { Alert, Button, Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call, lockOnExit, onLocked } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { CreateVaultScreen } from './CreateVaultScreen';
import { DamagedVaultScreen } from './DamagedVaultScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { UnlockScreen } from './UnlockScreen';
import { VaultContext, type VaultContextValue } from './vault-context';

/**
 * Shows the app only while the vault is unlocked. It sits inside the router, so locking keeps
 * the current route in the address: after unlocking, the same page renders again. Cached case
 * data is dropped whenever the vault locks; nothing is ever written to browser storage. Leaving
 * the page (reload, close) locks the vault.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [pendingKey, setPendingKey] = useState<{ recoveryKey: string; isDemo: boolean } | null>(null);
  const [homePath, setHomePath] = useState<string | null>(null);

  const acceptStatus = useCallback((next: VaultStatus) => {
    if (next.state !== 'unlocked') queryClient.clear();
    if (!next.isDemo) setHomePath((current) => current ?? next.path);
    setStatus(next);
  }, [queryClient]);

  const refresh = useCallback(async () => {
    try {
      setLoadError(null);
      acceptStatus(await call('vault.status'));
    } catch (failure) {
      setLoadError(failure);
    }
  }, [acceptStatus]);

  useEffect(() => {
    void refresh();
    const stopListening = onLocked(() => {
      queryClient.clear();
      void refresh();
    });
    // A reloaded or closed window must not leave the vault open with nobody in front of it.
    window.addEventListener('pagehide', lockOnExit);
    return () => {
      stopListening();
      window.removeEventListener('pagehide', lockOnExit);
    };
  }, [refresh, queryClient]);

  const lock = useCallback(async () => {
    acceptStatus(await call('vault.lock'));
  }, [acceptStatus]);

  const context = useMemo<VaultContextValue | null>(() => (status ? { status, lock } : null), [status, lock]);

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
        recoveryKey={pendingKey.recoveryKey}
        isDemo={pendingKey.isDemo}
        onContinue={() => {
          setPendingKey(null);
          void refresh();
        }}
      />
    );
  }
  switch (status.state) {
    case 'no_vault':
      return <CreateVaultScreen status={status} onStatus={acceptStatus} onCreated={(recoveryKey, isDemo) => setPendingKey({ recoveryKey, isDemo })} />;
    case 'locked':
      return <UnlockScreen status={status} homePath={homePath} onStatus={acceptStatus} />;
    case 'damaged':
      return <DamagedVaultScreen status={status} onStatus={acceptStatus} />;
    case 'unlocked':
      return <VaultContext.Provider value={context}>{children}</VaultContext.Provider>;
  }
}
