// When the build goes to a folder outside the project (tests and CI set SITE_OUT_DIR to a temp dir),
// the server chunks Astro prerenders from, and later serves from, import packages by bare name; Node
// finds those only in a node_modules above the importing file. Give the out dir a node_modules link
// to the project's own, after Astro has emptied the folder and before anything is imported from it.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

/** The node_modules folder the project's packages resolve from (npm workspaces hoist to the root). */
function projectNodeModules(root: string): string {
  const astroEntry = createRequire(path.join(root, 'package.json')).resolve('astro/package.json')
  return astroEntry.slice(0, astroEntry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + '/node_modules'.length)
}

function ensureLink(outDir: string, target: string) {
  const link = path.join(outDir, 'node_modules')
  fs.mkdirSync(outDir, { recursive: true })
  try {
    if (fs.readlinkSync(link) === target) return
    fs.rmSync(link, { force: true })
  } catch {
    // not there yet
  }
  fs.symlinkSync(target, link, 'dir')
}

export default function externalOutDir(): AstroIntegration {
  return {
    name: 'liushan:external-out-dir',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root)
        const outDir = fileURLToPath(config.outDir)
        if (!path.relative(root, outDir).startsWith('..') && !path.isAbsolute(path.relative(root, outDir))) return
        const target = projectNodeModules(root)
        logger.info(`building outside the project: linking ${path.join(outDir, 'node_modules')} → ${target}`)
        updateConfig({
          vite: { plugins: [{ name: 'liushan:external-out-dir', apply: 'build', buildStart: () => ensureLink(outDir, target) }] },
        })
      },
    },
  }
}
