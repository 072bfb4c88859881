import { computed, onScopeDispose, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { uploadErrorText, uploadFile, UploadError, type UploadedFile } from './uploadFile';
import { admitFiles, type Refusal } from './uploadRules';

/** One chosen file on its way to the server: each phase carries only what it has. */
export type UploadState = { phase: 'uploading'; progress: number } | { phase: 'done'; file: UploadedFile } | { phase: 'failed'; error: string };

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  state: UploadState;
}

export interface RefusedFile {
  name: string;
  reason: Refusal;
}

/**
 * The files attached to a draft: each starts uploading as soon as it is chosen, so sending waits
 * only for what is still in flight. `token` is read at each upload (agent session or visitor).
 */
export function useUpload(token: () => string | null) {
  const { t } = useI18n();
  const items = shallowRef<UploadItem[]>([]);
  /** Files the last choice could not take, and why; cleared by the next choice. */
  const refused = shallowRef<RefusedFile[]>([]);
  const aborts = new Map<number, () => void>();
  let nextKey = 1;

  function patch(key: number, state: UploadState): void {
    items.value = items.value.map((item) => (item.key === key ? { ...item, state } : item));
  }

  function start(file: File): Promise<UploadedFile> {
    const key = nextKey++;
    items.value = [...items.value, { key, name: file.name, size: file.size, state: { phase: 'uploading', progress: 0 } }];
    const transfer = uploadFile(file, token(), (progress) => patch(key, { phase: 'uploading', progress }));
    aborts.set(key, transfer.abort);
    const done = transfer.done.then(
      (stored) => {
        patch(key, { phase: 'done', file: stored });
        return stored;
      },
      (error: unknown) => {
        // A removed file's abort lands here after it left the list; nothing to show.
        if (error instanceof UploadError && error.code === 'ABORTED') throw error;
        patch(key, { phase: 'failed', error: uploadErrorText(error, t) });
        throw error;
      },
    );
    void done.catch(() => undefined).finally(() => aborts.delete(key));
    return done;
  }

  /** Takes the files that fit the message's limits and starts uploading them. */
  function add(files: readonly File[]): void {
    const { accepted, refused: out } = admitFiles(items.value.length, files);
    refused.value = out.map(({ file, reason }) => ({ name: file.name, reason }));
    for (const file of accepted) void start(file).catch(() => undefined);
  }

  function remove(key: number): void {
    aborts.get(key)?.();
    items.value = items.value.filter((item) => item.key !== key);
    refused.value = [];
  }

  /** Forgets every file: the message that carried them was sent. */
  function clear(): void {
    aborts.forEach((abort) => abort());
    items.value = [];
    refused.value = [];
  }

  onScopeDispose(() => aborts.forEach((abort) => abort()));

  const stored = computed(() => items.value.flatMap((item) => (item.state.phase === 'done' ? [item.state.file] : [])));

  return {
    items,
    refused,
    /** The uploaded files, ready to go with the message. */
    stored,
    /** Every chosen file is uploaded (and none failed): the message may be sent. */
    settled: computed(() => items.value.every((item) => item.state.phase === 'done')),
    add,
    remove,
    clear,
  };
}
