/** Bidirectional overrides and isolates: rendered live they reorder text ("txt.exe"). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Shows bidi control characters as their code points ("<U+202E>") so text from an upstream
 * cannot disguise what it says: a job title or log line reading "invoice-exe.txt" really ends
 * in ".exe" when an override hides it.
 */
export function revealBidi(text: string): string {
  if (!HAS_BIDI_CONTROL.test(text)) return text;
  return text.replace(
    BIDI_CONTROL,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
