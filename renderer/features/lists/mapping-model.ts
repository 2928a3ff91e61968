import {
  MAX_LIST_VARIABLES,
  type ColumnMapping,
  type MappingChoice,
} from '../../../shared/domain/list';

/** What one source column is used as. */
export type ColumnRole =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'phone' }
  | { readonly kind: 'name' }
  | { readonly kind: 'variable'; readonly n: number };

/** The role of column `index` under a mapping. */
export function roleOf(mapping: MappingChoice, index: number): ColumnRole {
  if (mapping.phone === index) return { kind: 'phone' };
  if (mapping.name === index) return { kind: 'name' };
  const variable = mapping.variables.indexOf(index);
  return variable >= 0 ? { kind: 'variable', n: variable + 1 } : { kind: 'ignore' };
}

/** Encodes a role for a <select> value. */
export function roleValue(role: ColumnRole): string {
  return role.kind === 'variable' ? `variable-${role.n}` : role.kind;
}

/** Decodes a <select> value. */
export function parseRole(value: string): ColumnRole {
  if (value === 'phone' || value === 'name' || value === 'ignore') return { kind: value };
  const n = Number(value.replace('variable-', ''));
  return Number.isInteger(n) && n >= 1 && n <= MAX_LIST_VARIABLES
    ? { kind: 'variable', n }
    : { kind: 'ignore' };
}

/**
 * Gives column `index` a role, taking that role away from any other column (one phone, one
 * name, each variable slot once). Variables keep their slot numbers in order.
 */
export function assignRole(mapping: MappingChoice, index: number, role: ColumnRole): MappingChoice {
  const slots: (number | null)[] = Array.from(
    { length: MAX_LIST_VARIABLES },
    (_, i) => mapping.variables[i] ?? null,
  );
  let phone = mapping.phone === index ? null : mapping.phone;
  let name = mapping.name === index ? null : mapping.name;
  for (let i = 0; i < slots.length; i++) if (slots[i] === index) slots[i] = null;
  if (role.kind === 'phone') phone = index;
  if (role.kind === 'name') name = index;
  if (role.kind === 'variable') slots[role.n - 1] = index;
  // Variables are sent in order (var01..); drop the gaps.
  const variables = slots.filter((slot): slot is number => slot !== null);
  return { phone, name, variables };
}

/** The mapping to start from: the preview's guess, or nothing chosen. */
export function initialMapping(guess: ColumnMapping | null): MappingChoice {
  return guess
    ? { phone: guess.phone, name: guess.name, variables: [...guess.variables] }
    : { phone: null, name: null, variables: [] };
}
