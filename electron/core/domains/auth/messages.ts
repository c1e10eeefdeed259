import type { DomainMessages } from '../define';

/** The auth domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'auth.invalid-credentials': 'Usuario o contraseña incorrectos.',
      'auth.account-locked': 'La cuenta está bloqueada por intentos fallidos. Intente de nuevo a las {{until}} o pida a un administrador que la desbloquee.',
      'auth.disabled': 'Esta cuenta está desactivada.',
    },
  },
  en: {
    errors: {
      'auth.invalid-credentials': 'Wrong user name or password.',
      'auth.account-locked': 'The account is locked after failed attempts. Try again at {{until}} or ask an administrator to unlock it.',
      'auth.disabled': 'This account is disabled.',
    },
  },
};
