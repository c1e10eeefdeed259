import { insertRow, updateRow } from '../../db/replicated';
import { handle } from '../../handler';
import { readSettings } from './store';

export const settingsHandlers = {
  'settings.get': handle('settings.get', {
    run: (ctx) => readSettings(ctx.db),
  }),

  'settings.update': handle('settings.update', {
    run(ctx, input) {
      for (const [key, value] of Object.entries(input)) {
        if (value === undefined) continue;
        const row = ctx.db
          .prepare('SELECT id FROM settings WHERE centre_id = ? AND key = ? AND deleted_at IS NULL')
          .get(ctx.core.identity!.centreId, key) as { id: string } | undefined;
        if (row) updateRow(ctx, 'settings', row.id, { value: JSON.stringify(value) });
        else insertRow(ctx, 'settings', { key, value: JSON.stringify(value) });
      }
      return readSettings(ctx.db);
    },
  }),
};
