/**
 * Sizes and dates in the reader's locale, with Intl: "1.5 MB" and "Mar 12, 2026, 2:30 PM" in
 * English, "1,5 Mo" and "12 mars 2026, 14:30" in French. The locale comes from `useI18n()`.
 */

/** Unit symbols per language: French writes octets (Ko, Mo); Intl's English "kB" is not what people read here. */
const UNITS: Record<string, string[]> = {
  en: ['KB', 'MB', 'GB', 'TB'],
  fr: ['Ko', 'Mo', 'Go', 'To'],
};

export function formatBytes(bytes: number | undefined, locale = 'en'): string {
  if (bytes === undefined) return '';
  // Intl writes the word with the locale's plural rule: "1 byte", "2 bytes"; "0 octet", "2 octets".
  if (bytes < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  const units = UNITS[locale.slice(0, 2)] ?? UNITS.en;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  // A no-break space, so "1,5" and "Mo" never part at a line end.
  return `${number}\u00a0${units[unit]}`;
}

export function formatDate(iso: string | undefined, locale = 'en'): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar date (YYYY-MM-DD, e.g. a deadline) in the reader's language, the same day wherever they are. */
export function formatDay(day: string, locale = 'en'): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}
