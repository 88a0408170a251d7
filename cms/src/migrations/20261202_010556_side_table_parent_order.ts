import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`news_texts_parent_order_idx\` ON \`news_texts\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_parent_order_idx\` ON \`news_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_texts_parent_order_idx\` ON \`_news_v_texts\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_parent_order_idx\` ON \`_news_v_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`stories_rels_parent_order_idx\` ON \`stories_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_rels_parent_order_idx\` ON \`_stories_v_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_parent_order_idx\` ON \`events_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_parent_order_idx\` ON \`_events_v_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`families_rels_parent_order_idx\` ON \`families_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_families_v_rels_parent_order_idx\` ON \`_families_v_rels\` (\`parent_id\`,\`order\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`news_texts_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`news_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_texts_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`stories_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_stories_v_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`events_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_events_v_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`families_rels_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_families_v_rels_parent_order_idx\`;`)
}
