import type { FormErrors } from '@mantine/form';
import { useEffect, useRef, useState, type ComponentProps, type FormEvent, type KeyboardEvent } from 'react';

/**
 * A long form that Enter never sends by accident. In a select Enter picks the highlighted option,
 * in a text box it does nothing; only Ctrl+Enter (⌘+Enter) or the save button submits. After a
 * save that failed validation, the first field in error is scrolled into view and focused.
 */
export function SafeForm({ onSubmit, errors, children, ...props }: Omit<ComponentProps<'form'>, 'onSubmit'> & { onSubmit: (event?: FormEvent<HTMLFormElement>) => unknown; errors: FormErrors }) {
  const ref = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const handled = useRef(0);
  useEffect(() => {
    if (attempt === handled.current || !Object.keys(errors).length) return;
    handled.current = attempt;
    focusFirstError(ref.current);
  }, [attempt, errors]);
  const keyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      ref.current?.requestSubmit();
      return;
    }
    // Implicit submission from a text box or a combobox: never (a select has already taken its Enter).
    if ((event.target as HTMLElement).tagName === 'INPUT') event.preventDefault();
  };
  return (
    <form
      ref={ref}
      noValidate
      {...props}
      onKeyDown={keyDown}
      onSubmit={(event) => {
        setAttempt((n) => n + 1);
        void onSubmit(event);
      }}
    >
      {children}
    </form>
  );
}

/** Scrolls to and focuses the first field showing an error, in the order they appear. */
function focusFirstError(form: HTMLElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"], .mantine-InputWrapper-error');
  if (!first) return;
  const target =
    first.matches('input, textarea, select, button')
      ? first
      : first.closest('.mantine-InputWrapper-root, [role="radiogroup"]')?.querySelector<HTMLElement>('input, textarea, button') ?? first;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
