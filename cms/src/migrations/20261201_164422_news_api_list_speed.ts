import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The snapshot before this one (news_list_indexes) missed import_notes, which admin_import_notes
// had already added; this migration only adds the list indexes (listIndexes.ts, the collections' indexes).
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_news_v_latest_list_idx\` ON \`_news_v\` (\`latest\`,\`version_published_at\`,\`created_at\`,\`version__status\`,\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_status_date_createdAt_idx\` ON \`stories\` (\`_status\`,\`date\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`date_createdAt_idx\` ON \`stories\` (\`date\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_date_version_createdAt_idx\` ON \`_stories_v\` (\`version__status\`,\`version_date\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_date_version_createdAt_idx\` ON \`_stories_v\` (\`version_date\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_latest_list_idx\` ON \`_stories_v\` (\`latest\`,\`version_date\`,\`created_at\`,\`version__status\`,\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_status_startAt_createdAt_idx\` ON \`events\` (\`_status\`,\`start_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`startAt_createdAt_idx\` ON \`events\` (\`start_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_startAt_version_createdAt_idx\` ON \`_events_v\` (\`version__status\`,\`version_start_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_startAt_version_createdAt_idx\` ON \`_events_v\` (\`version_start_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_latest_list_idx\` ON \`_events_v\` (\`latest\`,\`version_start_at\`,\`created_at\`,\`version__status\`,\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_status_year_createdAt_idx\` ON \`families\` (\`_status\`,\`year\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`year_createdAt_idx\` ON \`families\` (\`year\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_year_version_createdAt_idx\` ON \`_families_v\` (\`version__status\`,\`version_year\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_year_version_createdAt_idx\` ON \`_families_v\` (\`version_year\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_families_v_latest_list_idx\` ON \`_families_v\` (\`latest\`,\`version_year\`,\`created_at\`,\`version__status\`,\`version_created_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_news_v_latest_list_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_date_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`date_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_date_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_date_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_stories_v_latest_list_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_startAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`startAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_startAt_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_startAt_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_events_v_latest_list_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_year_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`year_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_year_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_year_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_families_v_latest_list_idx\`;`)
}
