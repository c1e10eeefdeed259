/**
 * Whether the user did something (a key, a click, a touch, the wheel) since the last call that
 * said so. A call made without it (the flow board's 30-second poll, a refetch on focus) tells
 * the core it is background, so it does not keep the session from its idle lock: a board left
 * open on an empty desk locks like any other screen.
 */
export class ActivityTracker {
  private lastInput = Number.NEGATIVE_INFINITY;
  private lastReported = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  noteInput(): void {
    this.lastInput = this.now();
  }

  /** True once per burst of input: the first call after the user acted carries it. */
  takeActivity(): boolean {
    if (this.lastInput <= this.lastReported) return false;
    this.lastReported = this.now();
    return true;
  }
}

export const USER_INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** The page's tracker, fed by input events in the capture phase (before any handler stops them). */
export function trackPageActivity(target: Pick<Window, 'addEventListener'>, now: () => number): ActivityTracker {
  const tracker = new ActivityTracker(now);
  for (const type of USER_INPUT_EVENTS) target.addEventListener(type, () => tracker.noteInput(), { capture: true, passive: true });
  return tracker;
}
