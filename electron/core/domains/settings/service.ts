import { insertRow, updateRow } from '../../db/replicated';
import { handle } from '../../handler';
import { readSettings, settingId } from './store';

export const settingsHandlers = {
  'settings.get': handle('settings.get', {
    run: (ctx) => readSettings(ctx.db),
  }),

  'settings.update': handle('settings.update', {
    run(ctx, input) {
      for (const [key, value] of Object.entries(input)) {
        if (value === undefined) continue;
        const id = settingId(ctx.db, ctx.core.identity!.centreId, key);
        if (id) updateRow(ctx, 'settings', id, { value: JSON.stringify(value) });
        else insertRow(ctx, 'settings', { key, value: JSON.stringify(value) });
      }
      return readSettings(ctx.db);
    },
  }),
};
