import { ref } from 'vue';

/** The files of a file input, a drop or a paste, as an array. */
export const filesOf = (list: FileList | null | undefined): File[] => Array.from(list ?? []);
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/**
 * Files dropped on an area or pasted into it go to `onFiles` while `accepts()` holds; `dragging`
 * says when files are held over the area, to show where they can go. Text drops and pastes pass.
 */
export function useFileDrop(accepts: () => boolean, onFiles: (files: File[]) => void) {
  const dragging = ref(false);

  function onDragOver(event: DragEvent): void {
    if (!accepts() || !carriesFiles(event)) return;
    event.preventDefault();
    dragging.value = true;
  }

  function onDragLeave(event: DragEvent): void {
    // Moving over a child element also fires dragleave on the area; only leaving the area counts.
    if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) dragging.value = false;
  }

  function onDrop(event: DragEvent): void {
    dragging.value = false;
    if (!accepts() || !carriesFiles(event)) return;
    event.preventDefault();
    onFiles(filesOf(event.dataTransfer?.files));
  }

  function onPaste(event: ClipboardEvent): void {
    const files = filesOf(event.clipboardData?.files);
    if (!accepts() || files.length === 0) return;
    event.preventDefault();
    onFiles(files);
  }

  return { dragging, onDragOver, onDragLeave, onDrop, onPaste };
}
