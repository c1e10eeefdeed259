import { app, session, type WebContents } from 'electron';
import { guardContents } from './policy';

/**
 * Deny by default: no new windows, no navigation or redirect away from the app, no permission
 * prompts (camera, geolocation, notifications…). Links to the outside are never opened.
 */
export function hardenWebContents(isTrustedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => guardContents(contents, isTrustedUrl));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
