import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`publishedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`publishedAt_createdAt__status_createdBy_idx\` ON \`news\` (\`published_at\`,\`created_at\`,\`_status\`,\`created_by_id\`);`)
  await db.run(sql`DROP INDEX \`version_publishedAt_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_news_v\` (\`version_published_at\`,\`version_created_at\`,\`version__status\`,\`version_created_by_id\`);`)
  await db.run(sql`DROP INDEX \`date_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`date_createdAt__status_createdBy_idx\` ON \`stories\` (\`date\`,\`created_at\`,\`_status\`,\`created_by_id\`);`)
  await db.run(sql`DROP INDEX \`version_date_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_stories_v\` (\`version_date\`,\`version_created_at\`,\`version__status\`,\`version_created_by_id\`);`)
  await db.run(sql`DROP INDEX \`startAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`startAt_createdAt__status_createdBy_idx\` ON \`events\` (\`start_at\`,\`created_at\`,\`_status\`,\`created_by_id\`);`)
  await db.run(sql`DROP INDEX \`version_startAt_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_2_idx\` ON \`_events_v\` (\`version_start_at\`,\`version_created_at\`,\`version__status\`,\`version_created_by_id\`);`)
  await db.run(sql`DROP INDEX \`year_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`year_createdAt__status_createdBy_idx\` ON \`families\` (\`year\`,\`created_at\`,\`_status\`,\`created_by_id\`);`)
  await db.run(sql`DROP INDEX \`version_year_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_families_v\` (\`version_year\`,\`version_created_at\`,\`version__status\`,\`version_created_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`publishedAt_createdAt__status_createdBy_idx\`;`)
  await db.run(sql`CREATE INDEX \`publishedAt_createdAt_idx\` ON \`news\` (\`published_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_publishedAt_version_createdAt_idx\` ON \`_news_v\` (\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`date_createdAt__status_createdBy_idx\`;`)
  await db.run(sql`CREATE INDEX \`date_createdAt_idx\` ON \`stories\` (\`date\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_date_version_createdAt_idx\` ON \`_stories_v\` (\`version_date\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`startAt_createdAt__status_createdBy_idx\`;`)
  await db.run(sql`CREATE INDEX \`startAt_createdAt_idx\` ON \`events\` (\`start_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_2_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_startAt_version_createdAt_idx\` ON \`_events_v\` (\`version_start_at\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`year_createdAt__status_createdBy_idx\`;`)
  await db.run(sql`CREATE INDEX \`year_createdAt_idx\` ON \`families\` (\`year\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_3_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_year_version_createdAt_idx\` ON \`_families_v\` (\`version_year\`,\`version_created_at\`);`)
}
