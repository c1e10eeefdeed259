import type { DomainMessages } from '../define';

/** The sync domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'sync.status': 'Consultar sincronización',
      'sync.now': 'Sincronizar ahora',
      'sync.test': 'Probar servidor central',
      'sync.configure': 'Unir el puesto al servidor central',
      'sync.conflicts': 'Ver conflictos de sincronización',
      'sync.quarantine': 'Ver cambios en cuarentena',
    },
    errors: {
      'sync.not-configured': 'Este puesto no tiene servidor central configurado.',
      'sync.url-invalid': 'La dirección del servidor no es válida. Use la forma postgres://usuario:contraseña@servidor:5432/base.',
      'sync.url-insecure': 'La conexión con {{host}} no sería segura: agregue ?sslmode=verify-full a la dirección (cifrado y servidor verificado).',
      'sync.url-unreadable': 'No se pudo leer la dirección guardada del servidor central; vuelva a configurarla.',
      'sync.offline': 'Sin conexión con el servidor central.',
      'sync.login-refused': 'El servidor central rechazó el usuario o la contraseña.',
      'sync.permission-denied': 'El servidor central no permite esta operación a este centro.',
      'sync.upstream-failed': 'El servidor central respondió con un error: {{detail}}',
      'sync.upstream-newer': 'El servidor central tiene un esquema más nuevo ({{found}}) que esta versión de Acogida ({{supported}}). Actualice Acogida.',
      'sync.upstream-not-migrated': 'El servidor central aún no está preparado (esquema {{found}} de {{supported}}): ejecute «acogida upstream migrate».',
      'sync.centre-unknown': 'Este usuario del servidor central no corresponde a ningún centro registrado.',
      'sync.centre-mismatch': 'Ese servidor central es de otro centro: este puesto no puede unirse a él.',
      'sync.audit-chain-refused': 'El servidor central rechazó la bitácora de este puesto: no continúa la que ya recibió. Avise a la administración.',
      'sync.centre-exists': 'Este centro ya está registrado en el servidor central; su dirección de conexión se entregó al registrarlo.',
    },
  },
  en: {
    methods: {
      'sync.status': 'Read sync status',
      'sync.now': 'Sync now',
      'sync.test': 'Test central server',
      'sync.configure': 'Join this desk to the central server',
      'sync.conflicts': 'Read sync conflicts',
      'sync.quarantine': 'Read quarantined changes',
    },
    errors: {
      'sync.not-configured': 'This desk has no central server configured.',
      'sync.url-invalid': 'The server address is not valid. Use postgres://user:password@server:5432/database.',
      'sync.url-insecure': 'The connection to {{host}} would not be secure: add ?sslmode=verify-full to the address (encrypted, server verified).',
      'sync.url-unreadable': 'The saved central server address could not be read; configure it again.',
      'sync.offline': 'No connection to the central server.',
      'sync.login-refused': 'The central server refused the user name or password.',
      'sync.permission-denied': 'The central server does not allow this to this centre.',
      'sync.upstream-failed': 'The central server answered with an error: {{detail}}',
      'sync.upstream-newer': 'The central server has a newer schema ({{found}}) than this version of Acogida ({{supported}}). Update Acogida.',
      'sync.upstream-not-migrated': 'The central server is not prepared yet (schema {{found}} of {{supported}}): run "acogida upstream migrate".',
      'sync.centre-unknown': 'This central server login belongs to no registered centre.',
      'sync.centre-mismatch': 'That central server belongs to another centre: this desk cannot join it.',
      'sync.audit-chain-refused': 'The central server refused this desk\'s audit log: it does not continue the one it already has. Tell the administrator.',
      'sync.centre-exists': 'This centre is already registered on the central server; its connection address was given when it was registered.',
    },
  },
};
