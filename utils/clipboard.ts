/** Copying text for the user, from any extension page. */

/** Writes to the clipboard; falls back to a selection copy where the async API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    const focused = document.activeElement as HTMLElement | null;
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      // reported below with the original error
    }
    area.remove();
    focused?.focus();
    if (!copied) throw error;
  }
}
