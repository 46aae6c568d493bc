import { notifications } from '@mantine/notifications';
import { errorMessage } from './form-errors';

export function notifySaved(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 3000 });
}

export function notifyFailed(error: unknown, title = 'That did not work'): void {
  notifications.show({ title, message: errorMessage(error), color: 'red', autoClose: 8000 });
}
