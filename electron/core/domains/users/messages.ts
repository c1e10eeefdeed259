import type { DomainMessages } from '../define';

/** The users domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'users.list': 'Listar usuarios',
      'users.create': 'Crear usuario',
      'users.update': 'Editar usuario',
      'users.setDisabled': 'Activar o desactivar usuario',
      'users.resetPassword': 'Nueva contraseña de usuario',
      'users.unlock': 'Desbloquear usuario',
    },
    errors: {
      'users.username-taken': 'El nombre de usuario «{{username}}» ya existe.',
      'users.not-found': 'No se encontró el usuario.',
      'users.last-admin': 'Debe quedar al menos una cuenta de administración activa.',
      'users.cannot-disable-self': 'No puede desactivar su propia cuenta.',
      'users.own-roles': 'Nadie puede cambiar sus propios roles: pídalo a un administrador.',
      'users.needs-admin': 'Solo un administrador puede dar o quitar los roles de oficial de alertas, oficial de protección, psicología o administración, y solo él puede cambiar, desbloquear o restablecer la contraseña de quien los tiene.',
    },
  },
  en: {
    methods: {
      'users.list': 'List users',
      'users.create': 'Create user',
      'users.update': 'Edit user',
      'users.setDisabled': 'Enable or disable user',
      'users.resetPassword': 'New user password',
      'users.unlock': 'Unlock user',
    },
    errors: {
      'users.username-taken': 'The user name “{{username}}” already exists.',
      'users.not-found': 'User not found.',
      'users.last-admin': 'At least one active administrator account must remain.',
      'users.cannot-disable-self': 'You cannot disable your own account.',
      'users.own-roles': 'Nobody can change their own roles: ask an administrator.',
      'users.needs-admin': 'Only an administrator can grant or remove the alert officer, protection officer, psychologist or administrator roles, and only an administrator can change, unlock or reset the password of someone who holds them.',
    },
  },
};
