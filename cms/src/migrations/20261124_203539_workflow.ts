import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`signoffs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`doc_collection\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`doc_title\` text,
  	\`action\` text NOT NULL,
  	\`from_state\` text,
  	\`to_state\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_name\` text,
  	\`actor_role\` text,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`signoffs_doc_collection_idx\` ON \`signoffs\` (\`doc_collection\`);`)
  await db.run(sql`CREATE INDEX \`signoffs_doc_id_idx\` ON \`signoffs\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`signoffs_actor_idx\` ON \`signoffs\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`signoffs_updated_at_idx\` ON \`signoffs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signoffs_created_at_idx\` ON \`signoffs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`publish_checks_banned_words\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`word\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publish_checks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publish_checks_banned_words_order_idx\` ON \`publish_checks_banned_words\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publish_checks_banned_words_parent_id_idx\` ON \`publish_checks_banned_words\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publish_checks_correction_pairs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`wrong\` text NOT NULL,
  	\`right\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publish_checks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publish_checks_correction_pairs_order_idx\` ON \`publish_checks_correction_pairs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publish_checks_correction_pairs_parent_id_idx\` ON \`publish_checks_correction_pairs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publish_checks_allowed_numbers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publish_checks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publish_checks_allowed_numbers_order_idx\` ON \`publish_checks_allowed_numbers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publish_checks_allowed_numbers_parent_id_idx\` ON \`publish_checks_allowed_numbers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publish_checks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`news\` ADD \`grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`families\` ADD \`grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`_families_v\` ADD \`version_grade\` text DEFAULT 'normal';`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`update_cycle_days\` numeric DEFAULT 180;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`signoffs_id\` integer REFERENCES signoffs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signoffs_id_idx\` ON \`payload_locked_documents_rels\` (\`signoffs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`signoffs\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`publish_checks_banned_words\`;`)
  await db.run(sql`DROP TABLE \`publish_checks_correction_pairs\`;`)
  await db.run(sql`DROP TABLE \`publish_checks_allowed_numbers\`;`)
  await db.run(sql`DROP TABLE \`publish_checks\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`stories_id\` integer,
  	\`events_id\` integer,
  	\`families_id\` integer,
  	\`media_id\` integer,
  	\`columns_id\` integer,
  	\`workstations_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`families_id\`) REFERENCES \`families\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workstations_id\`) REFERENCES \`workstations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "stories_id", "events_id", "families_id", "media_id", "columns_id", "workstations_id", "users_id") SELECT "id", "order", "parent_id", "path", "news_id", "stories_id", "events_id", "families_id", "media_id", "columns_id", "workstations_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_families_id_idx\` ON \`payload_locked_documents_rels\` (\`families_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workstations_id_idx\` ON \`payload_locked_documents_rels\` (\`workstations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`grade\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_grade\`;`)
  await db.run(sql`ALTER TABLE \`stories\` DROP COLUMN \`grade\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` DROP COLUMN \`version_grade\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`grade\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_grade\`;`)
  await db.run(sql`ALTER TABLE \`families\` DROP COLUMN \`grade\`;`)
  await db.run(sql`ALTER TABLE \`_families_v\` DROP COLUMN \`version_grade\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`update_cycle_days\`;`)
}
