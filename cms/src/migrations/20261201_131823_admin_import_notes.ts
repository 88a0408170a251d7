import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` ADD \`import_notes\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_import_notes\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`import_notes\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_import_notes\`;`)
}
