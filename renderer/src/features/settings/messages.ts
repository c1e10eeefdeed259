import { featureMessages } from '../../app/locales/shape';

/** The texts of this station's screens, Spanish first; the type makes English say the same keys. */
export const settingsMessages = featureMessages({
  es: {
    settings: {
      title: 'Configuración',
      language: 'Idioma de la interfaz',
      languageHelp: 'Se guarda para su usuario.',
      centreSection: 'Seguridad del centro',
      centreHelp: 'Solo la administración puede cambiar estos valores.',
      sessionMaxHours: 'Duración máxima de una sesión (horas)',
      sessionMaxHoursHelp: 'Pasado este tiempo desde que entró, cada persona vuelve a escribir su contraseña, aunque haya estado trabajando.',
      idleLockMinutes: 'Bloqueo por inactividad (minutos)',
      lockoutThreshold: 'Intentos fallidos antes de bloquear la cuenta',
      lockoutMinutes: 'Duración del bloqueo de cuenta (minutos)',
      alertReviewThreshold: 'Umbral de revisión de alertas (0.50–0.99)',
      alertReviewThresholdHelp: 'Desde este puntaje una posible coincidencia va a la oficial de verificación. Más bajo: más revisiones; más alto: riesgo de no ver una coincidencia.',
      defaultLocale: 'Idioma predeterminado del centro',
      passwordSection: 'Cambiar mi contraseña',
      currentPassword: 'Contraseña actual',
      newPassword: 'Contraseña nueva',
      passwordChanged: 'Su contraseña fue cambiada.',
    },
  },
  en: {
    settings: {
      title: 'Settings',
      language: 'Interface language',
      languageHelp: 'Saved for your user.',
      centreSection: 'Centre security',
      centreHelp: 'Only administrators can change these values.',
      sessionMaxHours: 'Longest a session lasts (hours)',
      sessionMaxHoursHelp: 'After this time since signing in, everyone types their password again, even if they kept working.',
      idleLockMinutes: 'Idle lock (minutes)',
      lockoutThreshold: 'Failed attempts before the account locks',
      lockoutMinutes: 'Account lock duration (minutes)',
      alertReviewThreshold: 'Alert review threshold (0.50–0.99)',
      alertReviewThresholdHelp: 'From this score a possible match goes to the alert officer. Lower: more reviews; higher: risk of missing a match.',
      defaultLocale: 'Default language of the centre',
      passwordSection: 'Change my password',
      currentPassword: 'Current password',
      newPassword: 'New password',
      passwordChanged: 'Your password was changed.',
    },
  },
});
