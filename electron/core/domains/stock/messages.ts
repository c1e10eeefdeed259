import type { DomainMessages } from '../define';

/** The stock domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'stock.report': 'Consultar existencias',
      'stock.movements': 'Consultar movimientos de inventario',
      'stock.receive': 'Recibir lote de donación',
      'stock.correct': 'Ajuste, pérdida o traslado de inventario',
    },
    errors: {
      'stock.insufficient': 'No quedan existencias de {{type}} (disponibles: {{available}}).',
      'stock.not-stocked': '«{{type}}» es un servicio sin inventario.',
      'stock.lot-exists': 'El lote {{lot}} ya fue recibido; use otro código o registre un ajuste.',
      'stock.lot-not-found': 'No existe ese lote.',
      'stock.below-zero': 'El lote {{lot}} tiene {{balance}}: no puede quedar por debajo de cero.',
      'stock.no-change': 'El conteo coincide con el saldo ({{balance}}); no hay nada que ajustar.',
    },
  },
  en: {
    methods: {
      'stock.report': 'View stock',
      'stock.movements': 'View stock movements',
      'stock.receive': 'Receive a donated lot',
      'stock.correct': 'Stock adjustment, loss or transfer',
    },
    errors: {
      'stock.insufficient': 'No {{type}} left in stock (available: {{available}}).',
      'stock.not-stocked': '“{{type}}” is a service without inventory.',
      'stock.lot-exists': 'Lot {{lot}} was already received; use another code or record an adjustment.',
      'stock.lot-not-found': 'There is no such lot.',
      'stock.below-zero': 'Lot {{lot}} holds {{balance}}: it cannot go below zero.',
      'stock.no-change': 'The count matches the balance ({{balance}}); there is nothing to adjust.',
    },
  },
};
