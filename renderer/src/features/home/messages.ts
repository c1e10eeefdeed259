import { featureMessages } from '../../app/locales/shape';

/** The texts of this station's screens, Spanish first; the type makes English say the same keys. */
export const homeMessages = featureMessages({
  es: {
    home: {
      firstSteps: {
        title: 'Primeros pasos después de configurar el centro',
        users: 'Cree las cuentas del personal',
        usersHelp: 'registradores, oficial de verificación, trabajadoras sociales, psicólogas, coordinación; cada quien con su rol.',
        lists: 'La oficial de verificación importa las listas de alerta (Interpol, Alba-Keneth, Isabel-Claudina, órdenes de aprehensión) antes del primer vuelo.',
        manager: 'La coordinación revisa el directorio de instituciones y recibe los lotes de kits en Inventario.',
        settings: 'Revise la configuración',
        settingsHelp: 'minutos de inactividad antes del bloqueo y umbral de revisión de alertas.',
      },
      greeting: 'Buen día, {{name}}',
      yourRoles: 'Sus roles',
      centre: 'Centro',
      workstation: 'Puesto',
      stationsTitle: 'Estaciones de la recepción',
      stationsText:
        'Las estaciones de arribo, registro, verificación, vulnerabilidades, ayuda humanitaria, atención psicosocial y derivación se habilitan a medida que se instalan. Hoy están disponibles el tablero de flujo, los arribos con su manifiesto, el registro con consentimiento, la verificación de alertas, el tamizaje de vulnerabilidades, la entrega de kits con su inventario, las pertenencias en custodia, el expediente y la constancia.',
      shortcuts: 'Atajos de teclado',
      shortcutLock: 'Bloquear la pantalla',
      shortcutNav: 'Moverse entre campos y botones',
      shortcutSubmit: 'Enviar el formulario',
      lowStockTitle: 'Existencias bajas',
      lowStockItem: '{{type}}: quedan {{count}} {{unit}} (umbral {{threshold}})',
      lowStockOpen: 'Ver inventario',
    },
  },
  en: {
    home: {
      firstSteps: {
        title: 'First steps after setting up the centre',
        users: 'Create the staff accounts',
        usersHelp: 'clerks, alert officer, social workers, psychologists, manager; each with their role.',
        lists: 'The alert officer imports the alert lists (Interpol, Alba-Keneth, Isabel-Claudina, arrest warrants) before the first flight.',
        manager: 'The manager checks the directory of institutions and receives the kit lots in Inventory.',
        settings: 'Check the settings',
        settingsHelp: 'minutes of inactivity before the lock, and the alert review threshold.',
      },
      greeting: 'Good day, {{name}}',
      yourRoles: 'Your roles',
      centre: 'Centre',
      workstation: 'Workstation',
      stationsTitle: 'Reception stations',
      stationsText:
        'The arrival, registration, verification, screening, humanitarian aid, psychosocial care and referral stations are enabled as they are installed. Available today: the flow board, arrivals with their manifest, registration with consent, alert checks, vulnerability screening, kit deliveries with their stock, belongings in custody, the case file and the certificate.',
      shortcuts: 'Keyboard shortcuts',
      shortcutLock: 'Lock the screen',
      shortcutNav: 'Move between fields and buttons',
      shortcutSubmit: 'Submit the form',
      lowStockTitle: 'Low stock',
      lowStockItem: '{{type}}: {{count}} {{unit}} left (threshold {{threshold}})',
      lowStockOpen: 'Open stock',
    },
  },
});
