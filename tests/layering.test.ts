// The layering rule of STYLE.md is enforced by lint; this checks the rule itself still bites.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('keeps Node, three and the other layers out of engine/', async () => {
    const code = "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport * as T from 'three';\nimport { a } from '../renderer/x.js';\nimport { b } from '../electron/project/index.js';\nexport const all = [readFileSync, path, T, a, b];\n";
    expect(await restricted('engine/probe.ts', code)).toHaveLength(5);
  });

  it('lets engine/ import its own files, even one named like a Node module', async () => {
    expect(await restricted('engine/probe.ts', "import { p } from './path.js';\nexport const q = p;\n")).toEqual([]);
  });

  it('lets renderer/ import engine/ and electron/contract/ but not the rest of electron/', async () => {
    const ok = "import { parseDocument } from '../engine/model/index.js';\nimport type { FactoryTwinApi } from '../electron/contract/api.js';\nexport type A = FactoryTwinApi;\nexport const p = parseDocument;\n";
    expect(await restricted('renderer/probe.ts', ok)).toEqual([]);
    const bad = "import { readProject } from '../electron/project/index.js';\nimport Database from 'better-sqlite3';\nexport const r = [readProject, Database];\n";
    expect(await restricted('renderer/probe.ts', bad)).toHaveLength(2);
  });

  it('keeps renderer/ out of electron/', async () => {
    expect(await restricted('electron/probe.ts', "import { App } from '../renderer/App.js';\nexport const a = App;\n")).toHaveLength(1);
  });
});
