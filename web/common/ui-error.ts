/**
 * An error the UI itself raises (not the API): it names its message in the catalogue, so it shows
 * in the reader's language; `message` keeps the English for logs and anything outside React.
 */
export class UiError extends Error {
  constructor(
    /** The catalogue key, e.g. "common.errors.network". */
    readonly key: string,
    english: string,
    readonly values: Record<string, unknown> = {},
  ) {
    super(english);
  }
}
