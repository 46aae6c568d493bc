import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { HashRouter } from 'react-router';
import { prefetchDashboard } from '../features/dashboard/useDashboard';
import { VaultGate } from '../features/vault/VaultGate';
import { AppRoutes } from './AppRoutes';
import { createQueryClient } from './query-client';
import { theme } from './theme';

/**
 * Providers, outermost first. The router wraps the vault gate so the route survives a lock;
 * Mantine's ColorSchemeScript is deliberately absent (the CSP forbids inline scripts). The
 * colour scheme follows the system's (light or dark).
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  // Unlocking onto the dashboard (the address keeps the page a lock left): its calls leave now.
  const prefetchFirstScreen = useCallback(() => {
    if (['', '/'].includes(window.location.hash.replace(/^#/, ''))) prefetchDashboard(queryClient);
  }, [queryClient]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <VaultGate onUnlocked={prefetchFirstScreen}>
            <AppRoutes />
          </VaultGate>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
