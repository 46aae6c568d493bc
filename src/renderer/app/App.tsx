import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HashRouter } from 'react-router';
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
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <VaultGate>
            <AppRoutes />
          </VaultGate>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
