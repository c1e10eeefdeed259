import { Alert, Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { formatTime } from './format';

/** Typing waits this long for a pause before it is kept as a draft. */
const PAUSE_MS = 700;

/** Saves still waiting for a pause in the typing, by form: flushed before the screen locks. */
const waiting = new Map<string, () => Promise<void>>();

/**
 * Keeps every draft still waiting for a pause: called before the screen locks, before a user
 * switch and when the idle warning shows, so no typed word is lost to the lock.
 */
export async function flushDrafts(): Promise<void> {
  await Promise.all([...waiting.values()].map((save) => save()));
}

export interface FormDraft {
  /** When the draft now on screen was kept, if one was restored. */
  restoredAt: string | null;
  /** The form was saved for real, or the user threw the draft away. */
  discard(): Promise<void>;
}

/**
 * The draft of one form for the signed-in user: restored when the form opens (after the idle
 * lock, a user switch or a reload), kept in the core while typing (readable by nobody else), and
 * discarded once the form is saved. `ready`: the form has its starting values (e.g. a manifest
 * row); the draft is laid over them.
 */
export function useFormDraft<V extends Record<string, unknown>>(key: string | null, values: V, setValues: (values: V) => void, ready = true): FormDraft {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const loaded = useRef(false);
  const baseline = useRef<string | null>(null);
  const kept = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** After a discard the form is reset: the values it then shows are the new starting point. */
  const rebase = useRef(false);
  const json = JSON.stringify(values);
  const latest = useRef({ values, json });
  latest.current = { values, json };

  useEffect(() => {
    if (!key || !ready || loaded.current) return;
    let live = true;
    // The starting values are those the form had when it asked for its draft: what the user
    // types while the answer is on its way is typing to keep, not the starting point.
    const start = latest.current.json;
    void call('drafts.get', { key })
      .then((draft) => {
        if (!live) return;
        loaded.current = true;
        baseline.current = start;
        if (draft.payload) {
          kept.current = JSON.stringify(draft.payload);
          setValues(draft.payload as V);
          setRestoredAt(draft.savedAt);
        } else if (latest.current.json !== start) {
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void saveRef.current(), PAUSE_MS);
          waiting.set(key, () => saveRef.current());
        }
      })
      .catch(() => undefined); // no draft to restore: the form starts as it is
    return () => {
      live = false;
    };
  }, [key, ready, setValues]);

  const save = useCallback(async () => {
    if (!key) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waiting.delete(key);
    const { values: now, json: text } = latest.current;
    if (text === kept.current) return;
    kept.current = text;
    await call('drafts.save', { key, payload: now }).catch(() => {
      kept.current = null; // try again at the next change
    });
  }, [key]);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (rebase.current) {
      rebase.current = false;
      baseline.current = json;
      return;
    }
    if (!key || !loaded.current || json === kept.current || (kept.current === null && json === baseline.current)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), PAUSE_MS);
    waiting.set(key, save);
  }, [key, json, save]);

  // Leaving the screen with typing not yet kept: keep it now.
  useEffect(() => () => void (timer.current && save()), [save]);

  const discard = useCallback(async () => {
    if (!key) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waiting.delete(key);
    kept.current = null;
    baseline.current = latest.current.json;
    rebase.current = true;
    setRestoredAt(null);
    await call('drafts.discard', { key }).catch(() => undefined);
  }, [key]);

  return { restoredAt, discard };
}

/** "Se recuperó lo que estaba escribiendo (guardado a las 14:32)" with a way to start over. */
export function DraftNotice({ draft, onDiscard }: { draft: FormDraft; onDiscard: () => void }) {
  const { t } = useTranslation();
  if (!draft.restoredAt) return null;
  return (
    <Alert color="blue" variant="light" data-testid="draft-restored">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('drafts.restored', { time: formatTime(draft.restoredAt) })}</Text>
        <Button size="compact-sm" variant="subtle" onClick={() => void draft.discard().then(onDiscard)} data-testid="draft-discard">
          {t('drafts.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
