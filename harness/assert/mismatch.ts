// A failed expectation: where it is written (document path, for a line:column), what was
// expected and what the result showed.
export interface Mismatch {
  /** dotted path into case.yaml, e.g. conditions.no-builder.error.class */
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly actual: string;
  /** extra lines: the error text, the hint */
  readonly detail?: string;
}
