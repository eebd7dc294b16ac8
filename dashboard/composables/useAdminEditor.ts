import { computed, nextTick, onMounted, reactive, ref, watch, type Ref } from 'vue';
import { GraphQLRequestError, issuesByField } from '../graphql/request';

/**
 * Server issues keyed by the form's fields (`slug`, `endsAt`, ...); `form` holds the rest, so
 * that every refusal is shown somewhere.
 */
function editorFieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof GraphQLRequestError)) return { form: String(error) };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(issuesByField(error.issues))) errors[fields.includes(field) ? field : 'form'] ??= message;
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}

/** Moves focus to an editor that has just opened, and scrolls it into view. */
async function focusEditor(headingId: string): Promise<void> {
  await nextTick();
  const heading = document.getElementById(headingId);
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/** After a refused save: focus the first field the server named, or the form's heading. */
async function focusFirstProblem(headingId: string): Promise<void> {
  await nextTick();
  const target = document.querySelector<HTMLElement>(`[aria-labelledby="${headingId}"] [aria-invalid="true"]`);
  (target ?? document.getElementById(headingId))?.focus();
}

type EditorOptions<Item, Form> = {
  /** The campaign whose items are listed: loaded when the tab is mounted and again when it changes. */
  campaign: Ref<string | null>;
  /** The id of the form's heading (AdminEditor's `headingId`), focused when the form opens. */
  headingId: string;
  /** The form's fields, in order; server issues on other fields are shown for the whole form. */
  fields: readonly (keyof Form & string)[];
  list: () => Promise<Item[]>;
  blank: () => Form;
  toForm: (item: Item) => Form;
  create: (form: Form) => Promise<Item>;
  update: (slug: string, form: Form) => Promise<Item>;
};

/**
 * A list of things with a slug and one form to create or edit one of them: what the event and
 * case tabs of /admin share, from loading the list to where focus goes after a save. Call it
 * from a component's setup: it loads the list when the component is mounted.
 */
export function useAdminEditor<Item extends { slug: string }, Form extends object>(options: EditorOptions<Item, Form>) {
  const items = ref<Item[]>([]) as Ref<Item[]>;
  const status = ref<'loading' | 'ready' | 'error'>('loading');
  const loadError = ref<string | null>(null);
  /** The slug being edited, '' for a new one, null when the form is closed. */
  const editing = ref<string | null>(null);
  /** The item being edited, undefined for a new one or when the form is closed (for the form's heading). */
  const editedItem = computed(() => (editing.value ? items.value.find((item) => item.slug === editing.value) : undefined));
  // The forms hold plain strings, so the reactive proxy has the same shape as Form.
  const form = reactive(options.blank()) as Form;
  const errors = ref<Record<string, string>>({});
  const saving = ref(false);
  /** The slug last saved, for the confirmation next to the list. */
  const saved = ref<string | null>(null);

  async function load(): Promise<void> {
    status.value = 'loading';
    loadError.value = null;
    try {
      items.value = await options.list();
      status.value = 'ready';
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
      status.value = 'error';
    }
  }

  /** Opens the form on an item, or on a blank one for null, and moves focus to it. */
  function open(item: Item | null): void {
    Object.assign(form, item ? options.toForm(item) : options.blank());
    errors.value = {};
    saved.value = null;
    editing.value = item ? item.slug : '';
    void focusEditor(options.headingId);
  }

  function close(): void {
    editing.value = null;
    errors.value = {};
  }

  /** Saves the form; when the server refuses it, focus goes to the first field it named. */
  async function save(): Promise<boolean> {
    if (saving.value || editing.value === null) return false;
    saving.value = true;
    errors.value = {};
    try {
      const values = { ...form } as Form;
      const result = editing.value ? await options.update(editing.value, values) : await options.create(values);
      const index = items.value.findIndex((item) => item.slug === (editing.value || result.slug));
      if (index >= 0) items.value.splice(index, 1, result);
      else items.value.push(result);
      saved.value = result.slug;
      editing.value = null;
      return true;
    } catch (error) {
      errors.value = editorFieldErrors(error, options.fields);
      void focusFirstProblem(options.headingId);
      return false;
    } finally {
      saving.value = false;
    }
  }

  onMounted(() => void load());
  watch(options.campaign, () => void load());

  return { items, status, loadError, editing, editedItem, form, errors, saving, saved, load, open, close, save };
}
