import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { backupQueue, backupTask } from './backup/job'
import { healthEndpoint } from './backup/health'
import { admins } from './access'
import { hardenLockedDocuments } from './access/lockedDocuments'
import { Columns } from './collections/columns'
import { SiteChanges } from './collections/site-changes'
import { SiteRenderLease } from './collections/site-render-lease'
import { Events } from './collections/events'
import { Families } from './collections/families'
import { Media } from './collections/media'
import { News } from './collections/news'
import { Outlets } from './collections/outlets'
import { Proofs } from './collections/proofs'
import { ScoringRules } from './collections/scoring-rules'
import { Signoffs } from './collections/signoffs'
import { Stories } from './collections/stories'
import { Submissions } from './collections/submissions'
import { NewMediaPosts } from './collections/new-media-posts'
import { Users } from './collections/users'
import { Workstations } from './collections/workstations'
import { databaseAdapter, isMongoUrl, migrations } from './database'
import { editor } from './fields/editor'
import { Navigation } from './globals/navigation'
import { PublishChecks } from './globals/publish-checks'
import { SitePages } from './globals/site-pages'
import { SiteSettings } from './globals/site-settings'
import { payloadSecret } from './secret'
import { withSecurityHooks } from './security/collectionHooks'
import { nightlyRenderTask, siteQueue } from './siteBuild/nightly'
import { graphQLLimits, maxAliasesRule, maxDepthRule } from './security/graphqlLimits'
import { trustedOrigins } from './security/origins'
import { keepPublicErrorMessages } from './http'
import { translations } from './translations'
import { uploadConfig } from './uploadLimit'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.CMS_PUBLIC_URL ?? '',
  // A signed-in person's cookie counts only on requests from the CMS itself or the portal
  // (checked against the Origin header, else Sec-Fetch-Site): no cross-site request forgery.
  csrf: trustedOrigins(),
  cors: trustedOrigins(),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: {
      titleSuffix: ' - 湖西县人民法院宣传平台',
      description: '湖西县人民法院“六善”宣传平台内容管理后台',
    },
    components: {
      graphics: { Logo: '/components/Logo#Logo', Icon: '/components/Icon#Icon' },
      // The "being edited by" dialog names the person and gives Beijing time (Payload shows an e-mail and a US date).
      providers: ['/components/LockDialogWording#LockDialogWording'],
      beforeDashboard: [
        // The signed-in person's 审签 queue, then whether every 栏目 is kept up to date.
        '/components/dashboard/ReviewQueue#ReviewQueue',
        '/components/dashboard/Freshness#Freshness',
        // Whether the portal shows the latest published content (站点状态).
        '/components/SiteStatus#SiteStatus',
        // The year's 外宣 figures: sent, adopted, published and points, with a chart and CSV export.
        '/components/dashboard/OutsideMediaStats#OutsideMediaStats',
      ],
    },
    dateFormat: 'yyyy-MM-dd HH:mm',
    // Gravatar is unreachable from court networks; a broken image is worse than the default mark.
    avatar: 'default',
  },
  i18n: {
    supportedLanguages: { zh, en },
    fallbackLanguage: 'zh',
    // Our wording over Payload's, in one place (translations.ts).
    translations,
  },
  collections: [News, Stories, Events, Families, Media, Columns, Workstations, Signoffs, Submissions, NewMediaPosts, Outlets, ScoringRules, Proofs, Users, SiteChanges, SiteRenderLease].map(withSecurityHooks),
  globals: [SiteSettings, SitePages, Navigation, PublishChecks],
  jobs: {
    // Runs scheduled publishing (定时发布). Started by the server (src/instrumentation.ts), not by
    // scripts or tests, which run jobs themselves when they need to.
    // The daily backup has its own queue, so a long backup never holds up scheduled publishing.
    autoRun: [
      { cron: '*/10 * * * * *', queue: 'default', limit: 20 },
      { cron: '0 * * * * *', queue: backupQueue, limit: 1 },
      // The nightly full render of the portal, checked against the incremental one (siteBuild/nightly.ts).
      { cron: '0 * * * * *', queue: siteQueue, limit: 1 },
    ],
    // npm run backup covers the embedded SQLite only; MongoDB is backed up with mongodump (README).
    tasks: [...(isMongoUrl(process.env.DATABASE_URL) ? [] : [backupTask()]), nightlyRenderTask()],
    deleteJobOnComplete: false,
    // Only admins may queue, run or cancel jobs over the API; the server's own runner and the
    // admin's 定时发布 (which queues in the signer's name) are not affected.
    access: { queue: admins, run: admins, cancel: admins },
  },
  endpoints: [healthEndpoint],
  hooks: { afterError: [keepPublicErrorMessages] },
  editor,
  secret: payloadSecret(),
  db: databaseAdapter(),
  sharp,
  upload: uploadConfig,
  // Types are generated on purpose (`npm run generate:types`, committed). Left on, every Payload
  // start outside production (each test file, `npm run backup`, `payload run`) spawns a
  // `payload generate:types` process of its own, ~12 s of CPU that rewrites payload-types.ts.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: graphQLLimits.maxComplexity,
    validationRules: () => [maxAliasesRule(), maxDepthRule()],
  },
  // Tests refuse bad input on purpose; they quiet the logger (PAYLOAD_LOG_LEVEL) to keep output readable.
  ...(process.env.PAYLOAD_LOG_LEVEL ? { logger: { options: { level: process.env.PAYLOAD_LOG_LEVEL } } } : {}),
  async onInit(payload) {
    // Production runs the migrations from the adapter (prodMigrations); everywhere else we run
    // them here, so tests and development use exactly the schema production gets.
    if (process.env.NODE_ENV !== 'production' && !isMongoUrl(process.env.DATABASE_URL)) {
      await payload.db.migrate({ migrations })
    }
  },
}).then(hardenLockedDocuments)
