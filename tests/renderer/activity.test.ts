import { describe, expect, it } from 'vitest';
import { ActivityTracker, trackPageActivity } from '../../renderer/src/api/activity';

describe('what the renderer tells the core about user activity', () => {
  it('marks only the first call after a key, click or wheel as activity; polls in between are background', () => {
    let now = 0;
    const tracker = new ActivityTracker(() => now);
    expect(tracker.takeActivity()).toBe(false); // the board's first poll, nobody touched anything
    now = 10;
    tracker.noteInput();
    now = 11;
    expect(tracker.takeActivity()).toBe(true);
    expect(tracker.takeActivity()).toBe(false); // parallel reads of the same click
    now = 30_000;
    expect(tracker.takeActivity()).toBe(false); // the 30-second poll
  });

  it('listens to user input in the capture phase', () => {
    const listeners = new Map<string, () => void>();
    let now = 5;
    const tracker = trackPageActivity({ addEventListener: ((type: string, fn: () => void, options: AddEventListenerOptions) => {
      expect(options.capture).toBe(true);
      listeners.set(type, fn);
    }) as Window['addEventListener'] }, () => now);
    expect([...listeners.keys()]).toEqual(['keydown', 'pointerdown', 'wheel', 'touchstart']);
    listeners.get('keydown')!();
    now = 6;
    expect(tracker.takeActivity()).toBe(true);
  });
});
