import { onBeforeUnmount, onMounted, ref } from 'vue';

/** Fullscreen for the whole page, for projectors driven from a laptop's browser. */
export function useFullscreen() {
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const active = ref(false);
  const sync = () => (active.value = document.fullscreenElement !== null);

  async function toggle(): Promise<void> {
    if (!supported) return;
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      // The browser refused (e.g. not from a user gesture); the button simply does nothing.
    }
  }

  onMounted(() => document.addEventListener('fullscreenchange', sync));
  onBeforeUnmount(() => document.removeEventListener('fullscreenchange', sync));
  return { supported, active, toggle };
}
