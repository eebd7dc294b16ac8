import { nextTick } from 'vue';

/** Moves focus to an editor that has just opened, and scrolls it into view. */
export async function focusEditor(headingId: string): Promise<void> {
  await nextTick();
  const heading = document.getElementById(headingId);
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/** After a refused save: focus the first field the server named, or the form's heading. */
export function focusFirstProblem(headingId: string): void {
  const target = document.querySelector<HTMLElement>(`[aria-labelledby="${headingId}"] [aria-invalid="true"]`);
  (target ?? document.getElementById(headingId))?.focus();
}
