import { onBeforeUnmount, onMounted } from 'vue';

/** What each key does on the projector screen; docs/live-screen.md lists the same keys. */
export type LiveShortcuts = {
  fullscreen: () => void;
  hideNumbers: () => void;
  nextView: () => void;
  previousView: () => void;
  help: () => void;
  close: () => void;
};

/** Keys for the organiser at the laptop; ignored while typing in a field or with a modifier held. */
export function useLiveShortcuts(actions: LiveShortcuts) {
  function onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const action = (
      {
        f: actions.fullscreen,
        F: actions.fullscreen,
        h: actions.hideNumbers,
        H: actions.hideNumbers,
        v: actions.nextView,
        V: actions.nextView,
        ArrowRight: actions.nextView,
        ArrowLeft: actions.previousView,
        '?': actions.help,
        Escape: actions.close,
      } as Record<string, (() => void) | undefined>
    )[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
