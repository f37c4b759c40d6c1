/** A data-layer refusal with a stable code the HTTP layer and the CLI both report as-is. */
export class DataError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
