import type { DomainMessages } from '../define';

/** The aid domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'aid.type-not-found': 'No existe ese tipo de kit o servicio.',
      'aid.type-inactive': '«{{type}}» ya no se entrega (está desactivado).',
      'aid.code-taken': 'Ya hay un tipo con el código {{code}}.',
      'aid.not-arrived': 'La persona todavía no llegó al centro (o no se presentó).',
      'aid.departed': 'La persona ya salió del centro.',
      'aid.repeat': 'Ya recibió {{type}} el {{at}}. Para entregar otra vez, indique el motivo.',
      'aid.not-found': 'No existe esa entrega.',
      'aid.voided': 'Esa entrega ya fue anulada.',
      'belongings.tag-taken': 'La etiqueta {{tag}} ya está en uso en otra pertenencia en custodia.',
      'belongings.not-found': 'No existe esa pertenencia.',
      'belongings.returned': 'La pertenencia con etiqueta {{tag}} ya fue devuelta.',
      'belongings.held': 'Tiene pertenencias en custodia (etiquetas {{tags}}); devuélvalas antes de registrar la salida.',
    },
  },
  en: {
    errors: {
      'aid.type-not-found': 'There is no such kind of kit or service.',
      'aid.type-inactive': '“{{type}}” is no longer given (it is deactivated).',
      'aid.code-taken': 'There is already a type with the code {{code}}.',
      'aid.not-arrived': 'The person has not arrived at the centre yet (or did not show).',
      'aid.departed': 'The person has already left the centre.',
      'aid.repeat': 'Already received {{type}} on {{at}}. To give it again, state the reason.',
      'aid.not-found': 'There is no such delivery.',
      'aid.voided': 'That delivery has already been voided.',
      'belongings.tag-taken': 'Tag {{tag}} is already on another item in custody.',
      'belongings.not-found': 'There is no such item.',
      'belongings.returned': 'The item tagged {{tag}} has already been returned.',
      'belongings.held': 'Belongings are still in custody (tags {{tags}}); return them before recording the departure.',
    },
  },
};
