import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-cn';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/names';

// Text a person reads comes from the message catalogues, in both languages; a schema library's
// words, a channel name, a vendor's service name or a bare placeholder never reach the screen.

const RENDERER = path.resolve(__dirname, '../../../renderer');

/** Words of a schema library or of a developer, not of the app. */
const DEVELOPER_TEXT: readonly RegExp[] = [
  /\bexpected\b.*\b(to be|received)\b/i,
  /\breceived\b/i,
  /Too (big|small)/i,
  /Invalid (input|string|option|discriminator|type)/i,
  /<=|>=/,
  /\bzod\b/i,
  /\b(undefined|NaN)\b/,
  /\[object Object\]/,
  /\bwindow\.api\b|\bIPC\b|\bipcRenderer\b/,
  /\b(TaskCreat|TaskAdd|TaskSet|TaskInfo|TaskList)\b|App\.Sip_/,
  /\bN:M\b|\bN of N\b/,
  /\b(stack trace|exception|null pointer|stderr|stdout)\b/i,
  /\{\s*"/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);

/** Text written straight into the markup: JSX text and read attributes with letters in them. */
function literalText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /\p{L}{2}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}{2}/u.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText(source)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('text that reaches the screen', () => {
  const files = sourceFiles(RENDERER);

  it('scans the whole renderer', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('has no words written straight into the markup: every text goes through the catalogues', () => {
    const found = files.flatMap((file) =>
      literalText(file).map((text) => `${path.relative(RENDERER, file)}: ${text}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('has no schema or developer text in the %s catalogue', (_locale, catalogue) => {
    const names = [...CHANNEL_NAMES, ...EVENT_NAMES];
    const offending = Object.entries(catalogue).filter(
      ([, text]) =>
        DEVELOPER_TEXT.some((pattern) => pattern.test(text)) ||
        names.some((name) => text.includes(name)),
    );
    expect(offending).toEqual([]);
  });

  it('keeps English out of the Chinese catalogue beyond names and codes', () => {
    // A Chinese text may carry a product, vendor or field name (Campaign Desk, ITNIO, API Key,
    // appid, TTS, Excel, CSV) but not an English sentence.
    const sentences = Object.entries(zhCN).filter(([, text]) =>
      /\b[a-z]+ [a-z]+ [a-z]+ [a-z]+\b/i.test(text.replace(/\{\w+\}/g, '')),
    );
    expect(sentences).toEqual([]);
  });
});
