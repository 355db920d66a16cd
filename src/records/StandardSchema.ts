// The Standard Schema v1 interface (https://standardschema.dev), vendored as types only: the
// spec asks libraries to copy it rather than depend on it, it is stable (v1), and it keeps the
// core free of runtime dependencies. Being structural, it is the same interface that zod,
// valibot and arktype implement, so their schemas fit where these types are asked for.

/** A validator that tRPC, Hono, form libraries and `ingest` accept, whatever library made it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaProps<Input, Output>;
}

/** The Standard Schema properties. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  /** The version of the standard: 1. */
  readonly version: 1;
  /** The library that made the schema (`'cx-metrics'` for ours). */
  readonly vendor: string;
  /** Validates an unknown value; may return a promise. */
  readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
  /** The inferred input and output types (for type inference only). */
  readonly types?: StandardSchemaTypes<Input, Output> | undefined;
}

/** A validation result: the value, or the issues. */
export type StandardSchemaResult<Output> = StandardSchemaSuccess<Output> | StandardSchemaFailure;

/** Validation succeeded. */
export interface StandardSchemaSuccess<Output> {
  /** The validated (possibly transformed) value. */
  readonly value: Output;
  /** No issues. */
  readonly issues?: undefined;
}

/** Validation failed. */
export interface StandardSchemaFailure {
  /** What was wrong. */
  readonly issues: readonly StandardSchemaIssue[];
}

/** One problem found by a validator. */
export interface StandardSchemaIssue {
  /** A message for people. */
  readonly message: string;
  /** Where the problem is. */
  readonly path?: readonly (PropertyKey | StandardSchemaPathSegment)[] | undefined;
}

/** A path segment given as an object. */
export interface StandardSchemaPathSegment {
  /** The key. */
  readonly key: PropertyKey;
}

/** The input and output types of a schema. */
export interface StandardSchemaTypes<Input = unknown, Output = Input> {
  /** The input type. */
  readonly input: Input;
  /** The output type. */
  readonly output: Output;
}
