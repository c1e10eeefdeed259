import { featureMessages } from '../../app/locales/shape';

/** The texts of this station's screens, Spanish first; the type makes English say the same keys. */
export const authMessages = featureMessages({
  es: {
    login: {
      title: 'Iniciar sesión',
      username: 'Usuario',
      password: 'Contraseña',
      submit: 'Entrar',
      centre: 'Puesto de {{centre}}',
    },
    lock: {
      title: 'Pantalla bloqueada',
      text: 'La sesión de {{name}} está bloqueada. Los datos están ocultos.',
      password: 'Contraseña de {{name}}',
      unlock: 'Desbloquear',
      switchUser: 'Entrar con otro usuario',
      logout: 'Cerrar la sesión',
      warning: 'Sin actividad: la pantalla se bloqueará en {{count}} segundos. Lo que está escribiendo queda guardado como borrador; mueva el ratón o pulse una tecla para seguir.',
    },
    switchUser: {
      title: 'Cambiar de usuario',
      text: 'La sesión actual se cerrará al entrar el nuevo usuario.',
      submit: 'Entrar como este usuario',
      welcome: 'Sesión de {{name}} iniciada.',
    },
  },
  en: {
    login: {
      title: 'Sign in',
      username: 'User name',
      password: 'Password',
      submit: 'Sign in',
      centre: 'Workstation of {{centre}}',
    },
    lock: {
      title: 'Screen locked',
      text: 'The session of {{name}} is locked. Data is hidden.',
      password: 'Password of {{name}}',
      unlock: 'Unlock',
      switchUser: 'Sign in as another user',
      logout: 'End the session',
      warning: 'No activity: the screen will lock in {{count}} seconds. What you are typing is kept as a draft; move the mouse or press a key to carry on.',
    },
    switchUser: {
      title: 'Switch user',
      text: 'The current session ends when the new user signs in.',
      submit: 'Sign in as this user',
      welcome: 'Session of {{name}} started.',
    },
  },
});
