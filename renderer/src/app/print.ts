import i18n from './i18n';
import { notifyError, notifySuccess } from './notify';

/** Electron only (the button is hidden elsewhere): saves the page on screen as a PDF. */
export async function savePdf(suggestedName: string): Promise<void> {
  try {
    const result = await window.acogida?.savePdf?.(suggestedName);
    if (result?.saved) notifySuccess(i18n.t('certificate.pdfSaved', { path: result.path }));
  } catch (error) {
    notifyError(error);
  }
}
