/**
 * Response-side view of Bitly's spec (`../shared/bitly-api/v4.json`) for contract tests: the
 * operations, the schema declared for an operation and status, ajv validators for them, and a
 * walk that finds fields a body has but the schema does not declare.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { SPEC_FILE } from './spec-file';

export interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  required?: string[];
}

interface SpecResponse {
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
}

interface SpecOperation {
  operationId?: string;
  responses?: Record<string, SpecResponse>;
}

export interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { SPEC_FILE };
export const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export interface SpecOperationInfo {
  /** `GET /bitlinks/{bitlink}/clicks` */
  key: string;
  method: string;
  path: string;
  operationId: string;
  /** Declared status codes, as strings. */
  statuses: string[];
}

/** Every operation of the spec (the 176 empty placeholder paths have none). */
export const specOperations: SpecOperationInfo[] = Object.entries(spec.paths).flatMap(([p, item]) =>
  Object.entries(item)
    .filter(([method, op]) => HTTP_METHODS.includes(method) && typeof op === 'object' && op !== null && 'responses' in op)
    .map(([method, op]) => ({
      key: `${method.toUpperCase()} ${p}`,
      method: method.toUpperCase(),
      path: p,
      operationId: op.operationId ?? '',
      statuses: Object.keys(op.responses ?? {}),
    })),
);

export const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ components: spec.components }, 'spec');

/** The JSON schema the spec declares for `key` answering `status`, or undefined if it declares none. */
export function declaredSchema(key: string, status: number): JsonSchema | undefined {
  const [method = '', p = ''] = key.split(' ');
  const op = spec.paths[p]?.[method.toLowerCase()];
  return op?.responses?.[String(status)]?.content?.['application/json']?.schema;
}

/**
 * The spec's shared schema for an error status, used where an operation does not declare that
 * status (the spec is incomplete there; see KNOWN_UNDECLARED in the contract test).
 */
export const ERROR_SCHEMA_BY_STATUS: Record<number, string> = {
  400: 'BadRequest',
  402: 'UpgradeRequired',
  403: 'Forbidden',
  404: 'NotFound',
  410: 'Gone',
  417: 'ExpectationFailed',
  422: 'UnprocessableEntity',
  429: 'MonthlyLimitExceeded',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'TemporarilyUnavailable',
};

/** Rewrites the spec's local refs (`#/components/...`) to the document registered as `spec`. */
function rooted(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/')) as JsonSchema;
}

const compiled = new Map<string, ValidateFunction>();

export function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rooted(schema));
    compiled.set(key, validate);
  }
  return validate;
}

export function schemaRef(name: string): JsonSchema {
  if (!spec.components.schemas[name]) throw new Error(`spec has no schema ${name}`);
  return { $ref: `#/components/schemas/${name}` };
}

function deref(node: JsonSchema): JsonSchema {
  let current = node;
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const name = current.$ref.replace(/^#\/components\/schemas\//, '');
    const next = spec.components.schemas[name];
    if (!next) throw new Error(`unresolved $ref ${current.$ref}`);
    current = next;
  }
  return current;
}

/** A schema with `$ref` and `allOf` folded into one set of properties. */
function flatten(node: JsonSchema): JsonSchema {
  const schema = deref(node);
  const parts = (schema.allOf ?? []).map(flatten);
  if (parts.length === 0) return schema;
  return {
    ...schema,
    type: schema.type ?? parts.find((p) => p.type)?.type,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}) as Record<string, JsonSchema>,
    additionalProperties: schema.additionalProperties ?? parts.find((p) => p.additionalProperties !== undefined)?.additionalProperties,
  };
}

/**
 * Fields in `value` that `schema` does not declare (ajv allows them: Bitly's schemas never say
 * `additionalProperties: false`). Catches a misspelt or invented field in the stand-in.
 */
export function undeclaredFields(schema: JsonSchema, value: unknown, where = '$'): string[] {
  const s = flatten(schema);
  if (Array.isArray(value)) return s.items ? value.flatMap((v, i) => undeclaredFields(s.items as JsonSchema, v, `${where}[${i}]`)) : [];
  if (typeof value !== 'object' || value === null) return [];
  const props = s.properties;
  if (!props) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const child = props[k];
    if (child) return undeclaredFields(child, v, `${where}.${k}`);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return undeclaredFields(s.additionalProperties, v, `${where}.${k}`);
    return s.additionalProperties === true ? [] : [`${where}.${k}`];
  });
}
