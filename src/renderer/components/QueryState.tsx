import { Alert, Button, Center, Loader } from '@mantine/core';
import { errorMessage } from '../lib/form-errors';

interface QueryStateProps {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
}

/** Loading and failure for a page's main read; renders nothing once data is there. */
export function QueryState({ isLoading, error, onRetry }: QueryStateProps) {
  if (error) {
    return (
      <Alert color="red" variant="light" title="Could not load this" role="alert">
        {errorMessage(error)}
        {onRetry && (
          <Button variant="subtle" size="xs" ml="sm" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Alert>
    );
  }
  if (isLoading) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  return null;
}
