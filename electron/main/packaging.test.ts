// The installers cannot be built here (electron-builder downloads Electron), so check what can
// be: the configuration against electron-builder's own schema, the targets, the file
// association, better-sqlite3 unpacked from asar, and a real 512 x 512 PNG icon.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const config = parse(readFileSync(resolve('electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[]; asarUnpack: string[]; fileAssociations: { ext: string }[];
  linux: { target: string[]; icon: string }; win: { target: string }; mac: { target: string };
};

describe('electron-builder.yml', () => {
  it('matches electron-builder\'s configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined, addValue: () => undefined })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, appIdd: 'x' }, { isEnabled: false, add: () => undefined, addValue: () => undefined })).rejects.toThrow(/appIdd/);
  });

  it('builds AppImage and deb, NSIS and dmg, with the .aifactory association', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['aifactory']);
  });

  it('ships the bundles package.json names and unpacks better-sqlite3 from asar', () => {
    const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { main: string };
    expect(config.files).toContain(pkg.main);
    expect(config.files).toContain('dist/electron/preload.cjs');
    expect(config.files).toContain('assets/**/*');
    expect(config.asarUnpack.some((p) => p.startsWith('node_modules/better-sqlite3'))).toBe(true);
    expect(config.files.join(' ')).not.toMatch(/better-sqlite3/);
  });

  it('has a real 512 x 512 RGBA PNG icon that is not blank', () => {
    const png = readFileSync(resolve(config.linux.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
    // Decode the single IDAT and count distinct colours: a drawn icon has many.
    const idatAt = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    const colours = new Set<number>();
    for (let y = 0; y < 512; y += 4) for (let x = 0; x < 512; x += 4) colours.add(raw.readUInt32BE(y * 2049 + 1 + x * 4));
    expect(colours.size).toBeGreaterThan(50);
  });
});
