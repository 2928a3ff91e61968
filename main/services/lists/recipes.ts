import { z } from 'zod';
import {
  MappingRecipeSchema,
  type ColumnMapping,
  type MappingRecipe,
  type NewMappingRecipe,
} from '../../../shared/domain/list';
import type { Clock, KeyValueStore } from '../../ports';
import { importError } from './import-errors';
import { normalizeHeader } from './mapping';

const RECIPES_KEY = 'lists.recipes';

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  const left = [...a].sort();
  const right = [...b].sort();
  return left.length === right.length && left.every((header, i) => header === right[i]);
}

/**
 * Saved column mappings ("recipes") in the settings store. A recipe remembers the header names of
 * each role, so it applies to the next file with the same headers even if columns moved.
 */
export class RecipeStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** Every saved recipe; entries that no longer parse are left out. */
  list(): MappingRecipe[] {
    const stored = z.array(z.unknown()).safeParse(this.store.get(RECIPES_KEY));
    if (!stored.success) return [];
    return stored.data.flatMap((item) => {
      const recipe = MappingRecipeSchema.safeParse(item);
      return recipe.success ? [recipe.data] : [];
    });
  }

  /** Saves a mapping under a name for files with these headers; replaces one with the same name. */
  save(input: NewMappingRecipe): MappingRecipe {
    const headers = input.headers.map(normalizeHeader);
    const nameOf = (column: number): string => {
      const header = headers[column];
      if (header === undefined) throw importError('badColumn', { column });
      return header;
    };
    if (input.mapping.phone === null) throw importError('noPhoneColumn');
    const existing = this.list();
    const recipe: MappingRecipe = {
      id: existing.find((r) => r.name === input.name)?.id ?? this.newId(),
      name: input.name,
      headers,
      phone: nameOf(input.mapping.phone),
      nameColumn: input.mapping.name === null ? null : nameOf(input.mapping.name),
      variables: input.mapping.variables.map(nameOf),
      defaultCountry: input.defaultCountry,
      rule: input.rule,
      updatedAt: this.clock.now(),
    };
    this.store.set(RECIPES_KEY, [...existing.filter((r) => r.id !== recipe.id), recipe]);
    return recipe;
  }

  /** Deletes a recipe. */
  remove(id: string): void {
    const existing = this.list();
    if (!existing.some((r) => r.id === id)) throw importError('recipeNotFound', { id });
    this.store.set(
      RECIPES_KEY,
      existing.filter((r) => r.id !== id),
    );
  }

  /** The most recent recipe saved for files with exactly these headers (in any order). */
  match(headers: readonly string[]): MappingRecipe | null {
    const normalized = headers.map(normalizeHeader);
    const candidates = this.list()
      .filter((recipe) => sameHeaders(recipe.headers, normalized))
      .sort((a, b) => b.updatedAt - a.updatedAt);
    return candidates[0] ?? null;
  }

  /** A recipe's mapping expressed in the columns of a file with `headers`. */
  static apply(recipe: MappingRecipe, headers: readonly string[]): ColumnMapping | null {
    const normalized = headers.map(normalizeHeader);
    const at = (header: string): number => normalized.indexOf(header);
    const phone = at(recipe.phone);
    if (phone < 0) return null;
    const name = recipe.nameColumn === null ? null : at(recipe.nameColumn);
    const variables = recipe.variables.map(at);
    if (name === -1 || variables.includes(-1)) return null;
    return { phone, name, variables };
  }
}
