import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import i18n from './i18n';

/** Error notification in the user's language; the core already translated its message. */
export function notifyError(error: unknown): void {
  const message =
    error instanceof ApiError
      ? error.code === 'network' || !error.message
        ? i18n.t(`errors.${error.code}`, { defaultValue: i18n.t('errors.internal') })
        : error.message
      : i18n.t('errors.internal');
  notifications.show({ color: 'red', title: i18n.t('common.error'), message, autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}
