import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`news_texts_parent_idx\` ON \`news_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_texts_parent_idx\` ON \`_news_v_texts\` (\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`news_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_texts_parent_idx\`;`)
}
