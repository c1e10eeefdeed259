import type { DomainMessages } from '../define';

/** The auth domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'auth.login': 'Inicio de sesión',
      'auth.switchUser': 'Cambio de usuario',
      'auth.logout': 'Cierre de sesión',
      'auth.session': 'Consultar sesión',
      'auth.lock': 'Bloqueo de pantalla',
      'auth.unlock': 'Desbloqueo de pantalla',
      'auth.setLocale': 'Cambio de idioma',
      'auth.changePassword': 'Cambio de contraseña propia',
    },
    errors: {
      'auth.invalid-credentials': 'Usuario o contraseña incorrectos.',
      'auth.account-locked': 'La cuenta está bloqueada por intentos fallidos. Intente de nuevo a las {{until}} o pida a un administrador que la desbloquee.',
      'auth.disabled': 'Esta cuenta está desactivada.',
    },
  },
  en: {
    methods: {
      'auth.login': 'Sign-in',
      'auth.switchUser': 'User switch',
      'auth.logout': 'Sign-out',
      'auth.session': 'Read session',
      'auth.lock': 'Screen lock',
      'auth.unlock': 'Screen unlock',
      'auth.setLocale': 'Language change',
      'auth.changePassword': 'Own password change',
    },
    errors: {
      'auth.invalid-credentials': 'Wrong user name or password.',
      'auth.account-locked': 'The account is locked after failed attempts. Try again at {{until}} or ask an administrator to unlock it.',
      'auth.disabled': 'This account is disabled.',
    },
  },
};
