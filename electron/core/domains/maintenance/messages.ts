import type { DomainMessages } from '../define';

/** The maintenance domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'maintenance.status': 'Consultar respaldos y mantenimiento',
      'maintenance.backupNow': 'Respaldar ahora',
      'maintenance.checkNow': 'Comprobar la base de datos',
    },
    errors: {
      'backup.exists': 'Ya hay un respaldo con ese nombre ({{file}}). Espere un segundo y vuelva a intentar.',
      'backup.disk-full': 'No cabe el respaldo: el disco de {{dir}} está lleno. Libere espacio o elija otra carpeta; no se escribió ningún respaldo a medias.',
      'backup.folder-unwritable': 'No se puede escribir en la carpeta de respaldos {{dir}} (sin permiso o de solo lectura).',
      'backup.not-found': 'No existe el respaldo {{file}}.',
      'backup.unreadable': 'El respaldo {{file}} no se abre con la clave de este puesto: es de otro puesto, o la clave no es la suya.',
      'backup.broken': 'El respaldo {{file}} está dañado (integridad: {{integrity}}; auditoría: {{audit}}). No se restauró nada.',
      'backup.target-exists': 'Ya hay una base de datos en {{db}}. Para reemplazarla por el respaldo, repita con --force (la actual se guarda al lado, no se borra).',
      'db.disk-full': 'El disco está lleno: no se guardó nada de esta operación. La aplicación sigue mostrando los datos; libere espacio y vuelva a intentar.',
      'db.read-only': 'La base de datos está en un disco o carpeta de solo lectura: no se guardó nada. Se puede seguir consultando.',
    },
  },
  en: {
    methods: {
      'maintenance.status': 'View backups and maintenance',
      'maintenance.backupNow': 'Back up now',
      'maintenance.checkNow': 'Check the database',
    },
    errors: {
      'backup.exists': 'There is already a backup named {{file}}. Wait a second and try again.',
      'backup.disk-full': 'The backup does not fit: the disk of {{dir}} is full. Free some space or choose another folder; no partial backup was written.',
      'backup.folder-unwritable': 'The backup folder {{dir}} cannot be written (no permission, or read-only).',
      'backup.not-found': 'There is no backup {{file}}.',
      'backup.unreadable': "The backup {{file}} does not open with this workstation's key: it is another workstation's, or the key is not its own.",
      'backup.broken': 'The backup {{file}} is damaged (integrity: {{integrity}}; audit: {{audit}}). Nothing was restored.',
      'backup.target-exists': 'There is already a database at {{db}}. To replace it with the backup, repeat with --force (the current one is kept beside it, not deleted).',
      'db.disk-full': 'The disk is full: nothing of this operation was saved. The app keeps showing the data; free some space and try again.',
      'db.read-only': 'The database is on a read-only disk or folder: nothing was saved. You can keep looking things up.',
    },
  },
};
