import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../../main/security/static-files';

const root = path.resolve('/srv/renderer');

describe('serving the renderer', () => {
  it('maps the root to index.html and assets inside the folder', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toBe(
      path.join(root, 'assets/index-abc.js'),
    );
  });

  it('refuses paths that escape the folder, encoded or not', () => {
    for (const attempt of [
      '/../secrets.txt',
      '/assets/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/a%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticFile(root, attempt)).toBeNull();
    }
  });

  it('labels content types so nosniff is safe', () => {
    expect(contentTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});
